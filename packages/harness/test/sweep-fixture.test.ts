import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFixture } from '@parakeet-bench/fixture';
import type { FixturePaths } from '@parakeet-bench/fixture';
import { fixtureSweep } from '../src/sweep/default-sweep.ts';
import { parseSweepSpec } from '../src/sweep/sweep-spec.ts';
import { runSweep } from '../src/sweep/run-sweep.ts';

let fx: FixturePaths;
let manifest: string;

beforeAll(async () => {
  fx = await ensureFixture(await mkdtemp(join(tmpdir(), 'pb-fx-')));
  // two clips keep the real child processes quick
  const lines = (await readFile(fx.datasets.short.manifest, 'utf8')).trim().split('\n').slice(0, 2);
  manifest = join(fx.datasets.short.dir, 'two.jsonl');
  await writeFile(manifest, lines.join('\n'));
}, 60_000);

describe('sweep over decoders on the fixture (real worker processes)', () => {
  it('runs the encoder once per variant and audio: later decoder configs hit the tensor cache', async () => {
    const base = parseSweepSpec(fixtureSweep(fx), 'fixture');
    const spec = {
      ...base,
      variants: base.variants.filter((v) => v.id === 'fp32'),
      datasets: [{ name: 'two', kind: 'manifest' as const, manifest }],
      decoders: [{ kind: 'greedy' as const }, { kind: 'maes' as const, beamWidth: 2, numSteps: 2, prefixAlpha: 1, expansionBeta: 2, expansionGamma: 2.3, scoreNorm: false }],
    };
    const resultsDir = await mkdtemp(join(tmpdir(), 'pb-res-'));
    const tensorCacheDir = await mkdtemp(join(tmpdir(), 'pb-tc-'));
    const out = await runSweep(spec, { resultsDir, tensorCacheDir, log: () => undefined });
    expect(out.map((o) => o.result.status)).toEqual(['ok', 'ok']);
    const [greedy, beam] = out.map((o) => o.result);
    expect(greedy!.decodeStats).toMatchObject({ encoderCache: 'miss', featureCache: 'miss', meanDecoderBatch: 1 });
    expect(beam!.decodeStats).toMatchObject({ encoderCache: 'hit', featureCache: 'hit' });
    expect(beam!.decodeStats!.meanLiveHypotheses).toBeGreaterThan(1);
    expect(beam!.model!.notes.some((n) => n.startsWith('encoder output from the tensor cache: encode time and the encode phase'))).toBe(true);
    // The beam config reports the encoder run the greedy config measured (kept with the cache
    // entries) plus its own decoding: both rows describe the same deployment.
    const [g, b] = [greedy!.memory!, beam!.memory!];
    expect(b.encodePeakBytes).toBe(g.encodePeakBytes);
    expect(b.inferencePeakBytes).toBe(Math.max(b.encodePeakBytes!, b.decodePeakBytes!));
    expect(b.inferencePeakBytes).toBeGreaterThanOrEqual(g.encodePeakBytes!);
    expect(beam!.utterances.map((u) => u.hypothesis)).toEqual(greedy!.utterances.map((u) => u.hypothesis));
    expect(beam!.config.decoder).toMatchObject({ kind: 'maes', beamWidth: 2 });
    // Scored with the sweep's normaliser, compared with its oracle variant, with seeded intervals.
    expect(greedy).toMatchObject({ scoring: { normalizer: 'default' }, compareTo: 'fp32' });
    expect(greedy!.accuracy!.werCi).toMatchObject({ rate: greedy!.accuracy!.wer, items: 2, resamples: 2000, seed: 0, level: 0.95 });

    // A rerun of the fresh config with a warm cache still runs the whole pipeline (honest RAM/time).
    const again = await runSweep(spec, { resultsDir, tensorCacheDir, force: true, log: () => undefined });
    expect(again[0]!.result.decodeStats?.encoderCache).toBe('miss');
  }, 90_000);
});

describe('throughput mode: batch size as a sweep dimension (real worker processes)', () => {
  it('runs batch 1 and batch 8 configs of the whole short set with equal transcripts, fewer decoder calls, a per-batch-size cache and RAM; web backends say unsupported', async () => {
    const base = parseSweepSpec({ ...fixtureSweep(fx), batchSize: [1, 8] }, 'fixture');
    const spec = {
      ...base,
      variants: base.variants.filter((v) => v.id === 'fp32'),
      datasets: base.datasets.filter((d) => d.name === 'fixture-short'),
      backends: [{ backend: 'node-cpu' as const, threads: [1] }, { backend: 'web-wasm' as const, threads: [1] }],
    };
    const resultsDir = await mkdtemp(join(tmpdir(), 'pb-res-'));
    const tensorCacheDir = await mkdtemp(join(tmpdir(), 'pb-tc-'));
    const out = await runSweep({ ...spec, backends: [spec.backends[0]!] }, { resultsDir, tensorCacheDir, log: () => undefined });
    const byId = new Map(out.map((o) => [o.result.config.id, o.result]));
    const one = byId.get('fixture-short__fp32__node-cpu-t1__greedy')!;
    const eight = byId.get('fixture-short__fp32__node-cpu-t1__greedy__b8')!;
    const eightBeam = byId.get('fixture-short__fp32__node-cpu-t1__maes-b4__b8')!;
    expect([one.status, eight.status, eightBeam.status]).toEqual(['ok', 'ok', 'ok']);
    expect(one.config.batchSize).toBeUndefined();
    expect(eight.config.batchSize).toBe(8);
    expect(eight.utterances.map((u) => u.hypothesis)).toEqual(one.utterances.map((u) => u.hypothesis));
    expect(eightBeam.utterances.map((u) => u.hypothesis)).toEqual(one.utterances.map((u) => u.hypothesis));
    // 12 clips in batches of 8 and 4: every batch-1 call is a row of a batched call.
    expect(eight.decodeStats!.decoderCalls * eight.decodeStats!.meanDecoderBatch).toBeCloseTo(one.decodeStats!.decoderCalls, 6);
    expect(eight.decodeStats!.decoderCalls).toBeLessThan(one.decodeStats!.decoderCalls / 2);
    // The first decoder of each batch size runs the whole pipeline; MAES at batch 8 reuses batch 8's entries.
    expect(eight.decodeStats).toMatchObject({ encoderCache: 'miss', featureCache: 'miss' });
    expect(eightBeam.decodeStats).toMatchObject({ encoderCache: 'hit', featureCache: 'hit' });
    expect(eight.timing!.rtfx).toBeGreaterThan(0);
    expect(eight.memory!.peakRssBytes).toBeGreaterThan(0);

    const web = await runSweep({ ...spec, backends: [spec.backends[1]!], decoders: [{ kind: 'greedy' as const }] }, { resultsDir, log: () => undefined });
    const webEight = web.map((o) => o.result).find((r) => r.config.batchSize === 8)!;
    expect(webEight.status).toBe('unsupported');
    expect(webEight.error?.message).toMatch(/web-wasm: batch size 8 is not supported \(the browser page transcribes clip by clip\)/);
  }, 180_000);
});
