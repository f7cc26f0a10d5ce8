/**
 * The long-pass protocol and MAES beam search through the browser worker, in one sweep beside
 * node-cpu: per-section hypotheses must be identical across runtimes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAES_DEFAULTS } from '@parakeet-bench/core';
import { ensureFixture } from '@parakeet-bench/fixture';
import { fixtureSweep } from '../src/sweep/default-sweep.ts';
import type { SweepOutcome } from '../src/sweep/run-sweep.ts';
import { runSweep } from '../src/sweep/run-sweep.ts';
import { parseSweepSpec } from '../src/sweep/sweep-spec.ts';

let work = '';
let outcomes: SweepOutcome[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'rb-long-'));
  const base = parseSweepSpec(fixtureSweep(await ensureFixture()), 'fixture');
  const spec = {
    ...base,
    variants: base.variants.filter((v) => v.id === 'fp32' || v.id === 'int8-stock'),
    backends: [
      { backend: 'node-cpu' as const, threads: [1] },
      { backend: 'web-wasm' as const, threads: [1] },
    ],
    decoders: [{ kind: 'greedy' as const }, { kind: 'maes' as const, ...MAES_DEFAULTS, beamWidth: 2 }],
    // Two minutes keep wasm quick while still crossing a section boundary.
    datasets: base.datasets.filter((d) => d.kind === 'long').map((d) => ({ ...d, maxSec: 120 })),
    // The single pass (the default sweep also runs chunked windows; their merge is backend-independent).
    longStrategies: [{ strategy: 'single' as const }],
  };
  outcomes = await runSweep(spec, { resultsDir: work, log: () => undefined });
}, 240_000);
afterAll(() => rm(work, { recursive: true, force: true }));

const sections = (o: SweepOutcome): string[] => o.result.longPass?.sections.map((s) => s.hypothesis) ?? [];

describe('long pass in the browser', () => {
  it('every config ran: 2 variants x 2 backends x 2 decoders', () => {
    expect(outcomes).toHaveLength(8);
    expect(outcomes.map((o) => `${o.job.config.id}: ${o.result.error?.message ?? o.result.status}`)).toEqual(outcomes.map((o) => `${o.job.config.id}: ok`));
  });

  it('web-wasm section hypotheses equal node-cpu ones for every variant and decoder', () => {
    const byKey = new Map(outcomes.map((o) => [`${o.job.config.variant}/${o.job.config.decoder.kind}/${o.job.config.backend}`, o]));
    for (const variant of ['fp32', 'int8-stock']) {
      for (const decoder of ['greedy', 'maes']) {
        const node = byKey.get(`${variant}/${decoder}/node-cpu`)!;
        const web = byKey.get(`${variant}/${decoder}/web-wasm`)!;
        expect(sections(web)).toEqual(sections(node));
        expect(sections(web)).toHaveLength(2);
        expect(web.result.longPass?.encoderFrames).toBe(node.result.longPass?.encoderFrames);
      }
    }
  });

  it('records beam statistics from the page', () => {
    // The fixture is confident on clean fp32 audio, so only int8-stock's noisier frames make a width-2 beam branch.
    const beam = outcomes.find((o) => o.job.config.backend === 'web-wasm' && o.job.config.decoder.kind === 'maes' && o.job.config.variant === 'int8-stock')!;
    expect(beam.result.decodeStats?.meanLiveHypotheses).toBeGreaterThan(1);
    expect(beam.result.decodeStats?.meanDecoderBatch).toBeGreaterThan(1);
  });
});
