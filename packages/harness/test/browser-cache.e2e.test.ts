/**
 * The browser runner with the tensor cache and repeats, through real worker processes: a decoder
 * sweep on web-wasm runs nemo128 and the encoder once (the first decoder config fills the cache from
 * what the page computed, the next one hits it), and every repeat is timed.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHED_ENCODER_NOTE } from '@parakeet-bench/core';
import type { SweepOutcome } from '../src/sweep/run-sweep.ts';
import { runSweep } from '../src/sweep/run-sweep.ts';
import { parseSweepSpec } from '../src/sweep/sweep-spec.ts';
import { fixtureVariants, shortFixture } from './fixture-jobs.ts';

let work = '';
let tensorCacheDir = '';
let outcomes: SweepOutcome[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'rb-cache-'));
  tensorCacheDir = join(work, 'tensors');
  const { paths, dataset } = await shortFixture(work, 2);
  const spec = parseSweepSpec(
    {
      variants: [fixtureVariants(paths).fp32],
      oracleVariant: 'fp32',
      backends: [{ backend: 'web-wasm', threads: [1] }],
      decoders: [{ kind: 'greedy' }, { kind: 'maes', beamWidth: 2, numSteps: 2, prefixAlpha: 1, expansionBeta: 2, expansionGamma: 2.3, scoreNorm: false }],
      datasets: [dataset],
      repeats: 2,
    },
    'browser cache test',
  );
  outcomes = await runSweep(spec, { resultsDir: join(work, 'results'), tensorCacheDir, log: () => undefined });
}, 180_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('web-wasm with the tensor cache and repeats', () => {
  it('fills the cache from the page on the first decoder config and hits it on the next', async () => {
    const [greedy, beam] = outcomes.map((o) => o.result);
    expect([greedy?.status, beam?.status]).toEqual(['ok', 'ok']);
    expect(greedy!.decodeStats).toMatchObject({ featureCache: 'miss', encoderCache: 'miss' });
    expect(beam!.decodeStats).toMatchObject({ featureCache: 'hit', encoderCache: 'hit' });
    expect(beam!.model!.notes).toContain(CACHED_ENCODER_NOTE);
    expect(greedy!.model!.notes).not.toContain(CACHED_ENCODER_NOTE);
    // The cached tensors decode to the very transcripts the page computed itself.
    expect(beam!.utterances.map((u) => u.hypothesis)).toEqual(greedy!.utterances.map((u) => u.hypothesis));
    expect(greedy!.accuracy!.wer).toBe(0);
    // Two clips: one features and one encoder-output entry each (sidecar + data).
    expect((await readdir(join(tensorCacheDir, 'encoded'))).filter((f) => f.endsWith('.json'))).toHaveLength(2);
    expect((await readdir(join(tensorCacheDir, 'features'))).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  });

  it('times every repeat and keeps the stage time of the cached entries on a hit', () => {
    const [greedy, beam] = outcomes.map((o) => o.result);
    for (const r of [greedy!, beam!]) {
      expect(r.timing!.repeats).toHaveLength(2);
      expect(r.provenance?.repeats).toBe(2);
    }
    // On a hit the encode time is the one measured when the entry was computed (first pass of greedy).
    expect(beam!.timing!.repeats!.every((p) => p.encodeMs > 0)).toBe(true);
  });
});
