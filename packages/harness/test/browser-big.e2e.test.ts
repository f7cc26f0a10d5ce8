/**
 * Browser model loading at real size (issue 19), in one sequential file so its memory never stacks:
 * Chromium's Response.arrayBuffer() ceiling is checked on both sides, then the big profile (the
 * fixture encoder plus 2.3 GB of weights that cost no compute) runs through the sweep on web-wasm with
 * each loader and on node-cpu. About 5.5 GiB at peak (one renderer holding the fetched weights and their
 * copy in the wasm heap) and a minute or two; the big files are generated into the cache and deleted.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResult } from '@parakeet-bench/core';
import type { BigFixturePaths } from '@parakeet-bench/fixture';
import { ensureBigFixture, ensureFixture, removeBigFixture } from '@parakeet-bench/fixture';
import type { ArrayBufferProbe } from '@parakeet-bench/runner-browser';
import { CHROMIUM_ARRAY_BUFFER_MAX_BYTES, probeArrayBufferSizes } from '@parakeet-bench/runner-browser';
import { bigFixtureSweep } from '../src/sweep/big-sweep.ts';
import type { SweepOutcome } from '../src/sweep/run-sweep.ts';
import { runSweep } from '../src/sweep/run-sweep.ts';
import { parseSweepSpec } from '../src/sweep/sweep-spec.ts';
import { formatSummaryTable } from '../src/sweep/summary.ts';
import { shortFixture } from './fixture-jobs.ts';

const WEIGHTS = 2.3e9;
const GIB = 2 ** 30;

let work = '';
let big: BigFixturePaths | undefined;
let probes: ArrayBufferProbe[] = [];
let outcomes: SweepOutcome[] = [];
let sweepSec = 0;

/** The configs this test runs: every loader on the single file, the shards on array-buffer, node-cpu for reference. */
const KEEP = new Set([
  'fp32 node-cpu',
  'big-single node-cpu',
  'big-single web-wasm array-buffer',
  'big-single web-wasm stream',
  'big-single web-wasm ort-url',
  'big-single web-wasm jspi-blob',
  'big-sharded web-wasm array-buffer',
]);

beforeAll(async () => {
  probes = await probeArrayBufferSizes([CHROMIUM_ARRAY_BUFFER_MAX_BYTES, CHROMIUM_ARRAY_BUFFER_MAX_BYTES + 1]);
  work = await mkdtemp(join(tmpdir(), 'pb-browser-big-'));
  const { dataset } = await shortFixture(work, 2);
  big = await ensureBigFixture();
  const spec = parseSweepSpec({ ...bigFixtureSweep(big, await ensureFixture()), datasets: [dataset] }, 'browser-big.e2e.test');
  const t0 = performance.now();
  outcomes = await runSweep(spec, {
    resultsDir: join(work, 'results'),
    log: () => undefined,
    select: (jobs) => jobs.filter((j) => KEEP.has([j.config.variant, j.config.backend, j.config.loader].filter(Boolean).join(' '))),
  });
  sweepSec = (performance.now() - t0) / 1000;
  const mib = (b: number | undefined) => (b === undefined ? '-' : `${Math.round(b / 2 ** 20)} MiB`);
  const loaders = outcomes
    .map((o) => o.result)
    .filter((r) => r.status === 'ok' && r.config.loader)
    .map((r) => `  ${r.config.variant} ${r.config.loader}: load ${((r.timing?.loadMs ?? 0) / 1000).toFixed(1)} s, runtime baseline ${mib(r.memory?.runtimeBaselineRssBytes)}, load peak +${mib(r.memory?.loadPeakBytes)}, model +${mib(r.memory?.modelBytes)}, inference peak +${mib(r.memory?.inferencePeakBytes)}`);
  console.log(`real-size sweep: ${outcomes.length} configs in ${sweepSec.toFixed(0)} s\n${formatSummaryTable(outcomes.map((o) => o.result))}\n\nper loader (renderer, + browser process for jspi-blob):\n${loaders.join('\n')}`);
}, 600_000);
afterAll(async () => {
  if (big) await removeBigFixture(big);
  await rm(work, { recursive: true, force: true });
});

const result = (variant: string, backend: string, loader?: string): BenchResult => {
  const o = outcomes.find((x) => x.job.config.variant === variant && x.job.config.backend === backend && x.job.config.loader === loader);
  if (!o) throw new Error(`no ${variant} ${backend} ${loader ?? ''} config in the sweep`);
  return o.result;
};
const hypotheses = (r: BenchResult): string[] => r.utterances.map((u) => u.hypothesis);
const okOrReason = (r: BenchResult): string => (r.status === 'ok' ? 'ok' : `${r.status}: ${r.error?.message ?? ''}`);

describe('browser loading at real size', () => {
  it('Response.arrayBuffer() reads exactly CHROMIUM_ARRAY_BUFFER_MAX_BYTES (2 GiB - 2 MiB) and fails one byte more', () => {
    const [at, over] = probes;
    expect(at).toMatchObject({ ok: true, bytes: 2_145_386_496 });
    expect(over).toMatchObject({ ok: false, error: 'TypeError: Failed to fetch' });
  });

  it('array-buffer refuses the single 2.14 GiB data file before loading, naming it, the measured limit and both fixes', () => {
    const r = result('big-single', 'web-wasm', 'array-buffer');
    expect(r.status).toBe('unsupported');
    expect(r.error?.message).toMatch(
      /single-file\/encoder-model\.onnx\.data: external data file of 2\.14 GiB is over the browser limit of 2\.00 GiB for one fetch\/ArrayBuffer \(2,300,074,240 > 2,145,386,496 bytes.*\); use the sharded export .*, or a loader without that ceiling \(--loaders stream or jspi-blob\)/,
    );
    expect(r.config.id).toBe('fixture-shortest__big-single__web-wasm-t1__greedy');
  });

  it('the shards on array-buffer, and the single file on stream and ort-url, transcribe exactly like the small fixture', () => {
    const reference = result('fp32', 'node-cpu');
    expect(okOrReason(reference)).toBe('ok');
    expect(hypotheses(reference).every((h) => h.length > 0)).toBe(true);
    for (const [variant, loader, encoderFile] of [
      ['big-sharded', 'array-buffer', 'sharded/encoder-model.onnx'],
      ['big-single', 'stream', 'encoder-model.onnx'],
      ['big-single', 'ort-url', 'encoder-model.onnx'],
      ['big-single', 'jspi-blob', 'encoder-model.onnx'],
    ] as const) {
      const r = result(variant, 'web-wasm', loader);
      expect(okOrReason(r), `${variant} ${loader}`).toBe('ok');
      expect(hypotheses(r), `${variant} ${loader}`).toEqual(hypotheses(reference));
      expect(r.model?.encoderFile).toBe(encoderFile);
      expect(r.config.loader).toBe(loader);
    }
    expect(result('big-single', 'web-wasm', 'stream').config.id).toBe('fixture-shortest__big-single__web-wasm-t1-stream__greedy');
  });

  it('records peak memory and load time per loader; the wasm heap keeps one copy, the page none', () => {
    for (const [variant, loader] of [['big-sharded', 'array-buffer'], ['big-single', 'stream'], ['big-single', 'ort-url'], ['big-single', 'jspi-blob']] as const) {
      const r = result(variant, 'web-wasm', loader);
      const m = r.memory!;
      expect(m.source).toMatch(/chromium renderer pid \d+ VmHWM/);
      expect(r.timing?.loadMs).toBeGreaterThan(0);
      const peak = m.loadPeakBytes!;
      if (loader === 'jspi-blob') {
        // The weights stay in Chromium's blob storage (measured: the browser process) and reach the
        // heap one tensor at a time: one copy at peak.
        expect(m.source).toMatch(/\+ browser process pid \d+ VmHWM/);
        expect(peak, `${variant} ${loader} peak`).toBeLessThan(WEIGHTS + 0.5 * GIB);
      } else {
        // While a session is created the page's copy and the heap's coexist: the peak holds both.
        expect(peak, `${variant} ${loader} peak`).toBeGreaterThan(1.9 * WEIGHTS);
      }
      // Once loaded only the heap's copy stays: a page copy kept alive would add another 2.1 GiB.
      const kept = m.modelBytes!;
      expect(kept, `${variant} ${loader} after load`).toBeGreaterThan(WEIGHTS);
      expect(kept, `${variant} ${loader} after load`).toBeLessThan(WEIGHTS + 0.5 * GIB);
    }
  });

  it('node-cpu maps the external data: the same weights barely move its RSS, and the result says so', () => {
    const r = result('big-single', 'node-cpu');
    expect(okOrReason(r)).toBe('ok');
    expect(hypotheses(r)).toEqual(hypotheses(result('fp32', 'node-cpu')));
    expect(r.memory!.inferencePeakBytes).toBeLessThan(0.5 * GIB);
    expect(r.model?.notes.join('\n')).toMatch(/onnxruntime-node memory-maps external data \(encoder-model\.onnx\.data\).*not comparable with a browser backend's/);
  });
});
