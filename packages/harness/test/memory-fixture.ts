/**
 * Sweeps for the memory tests: the tiny fixture model and the real-shape profile (decoder_joint at
 * Parakeet's shapes, 72.5 MB) over two short clips each, and a memory profile of the fixture's long
 * pass, on the backends a test names.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { BackendName, BenchResult } from '@parakeet-bench/core';
import { ensureFixture, ensureRealShapeFixture } from '@parakeet-bench/fixture';
import type { FixtureDatasets } from '@parakeet-bench/fixture';
import { runSweep } from '../src/sweep/run-sweep.ts';
import type { SweepSpec, SweepSpecInput } from '../src/sweep/sweep-spec.ts';
import { parseSweepSpec } from '../src/sweep/sweep-spec.ts';

const MiB = 2 ** 20;
/** Bytes as MiB with one decimal, for printed tables. */
export const mib = (b: number | undefined): string => (b === undefined ? '-' : `${(b / MiB).toFixed(1)} MiB`);

async function twoClips(datasets: FixtureDatasets, dir: string): Promise<string> {
  const lines = (await readFile(datasets.short.manifest, 'utf8')).trim().split('\n').slice(0, 2);
  const manifest = join(dir, 'two.jsonl');
  await writeFile(manifest, `${lines.map((l) => JSON.stringify({ ...JSON.parse(l), audio_filepath: join(datasets.short.dir, JSON.parse(l).audio_filepath) })).join('\n')}\n`);
  return manifest;
}

async function run(input: SweepSpecInput, root: string): Promise<BenchResult[]> {
  const spec: SweepSpec = parseSweepSpec(input, 'memory test');
  return (await runSweep(spec, { resultsDir: join(root, 'results'), oracleDir: join(root, 'oracle'), log: () => undefined })).map((o) => o.result);
}

const fp32 = (id: string, dir: string) => ({ id, dir, encoderFile: 'encoder-model.onnx', decoderFile: 'decoder_joint-model.onnx', encoderPrecision: 'fp32', decoderPrecision: 'fp32' });

/** The tiny fixture and the real-shape profile on `backend`: one greedy config each, each its own sweep (its own oracle). */
export async function modelSizeResults(backend: BackendName): Promise<{ tiny: BenchResult; realShape: BenchResult }> {
  const root = await mkdtemp(join(tmpdir(), 'pb-mem-'));
  const fx = await ensureFixture();
  const rs = await ensureRealShapeFixture();
  const sweep = async (id: string, dir: string, datasets: FixtureDatasets): Promise<BenchResult> => {
    const work = await mkdtemp(join(root, `${id}-`));
    const manifest = await twoClips(datasets, work);
    const [r] = await run(
      // The real-shape profile has no sharded export: browsers read the single file with the stream loader.
      { variants: [fp32(id, dir)], oracleVariant: id, backends: [{ backend, threads: [1], ...(backend === 'node-cpu' ? {} : { loaders: ['stream' as const] }) }], decoders: [{ kind: 'greedy' }], datasets: [{ name: 'two', kind: 'manifest', manifest }] },
      work,
    );
    return r!;
  };
  return { tiny: await sweep('tiny', fx.stockDir, fx.datasets), realShape: await sweep('real-shape', rs.modelDir, rs.datasets) };
}

/** Encoder frames of `sec` seconds of audio (80 ms frames). */
const framesOf = (sec: number): number => Math.round(sec / 0.08);

/**
 * The fixture's fp32 long pass (its first `maxSec` seconds) on `backend` with a memory profile of
 * `prefixSec`: prints it, checks every point is ok and the inference peak grows with length while the
 * model does not (within 8 MiB), and returns the config's result.
 */
export async function growingProfile(backend: BackendName, prefixSec: readonly number[] = [60, 120, 240, 390], maxSec = 390): Promise<BenchResult> {
  const [r] = await profileResults([backend], prefixSec, maxSec);
  expect(r!.status, r!.error?.message).toBe('ok');
  const points = r!.memoryProfile!.points;
  console.log(`${backend} memory profile: ${points.map((p) => `${p.audioSec} s ${mib(p.memory?.inferencePeakBytes)} (model ${mib(p.memory?.modelBytes)})`).join(', ')}`);
  expect(points.map((p) => [p.audioSec, p.status, p.encoderFrames])).toEqual(prefixSec.map((s) => [s, 'ok', framesOf(s)]));
  const peaks = points.map((p) => p.memory!.inferencePeakBytes!);
  for (let k = 1; k < peaks.length; k++) expect(peaks[k], `${points[k]!.audioSec} s`).toBeGreaterThan(peaks[k - 1]!);
  const models = points.map((p) => p.memory!.modelBytes!);
  expect(Math.max(...models) - Math.min(...models)).toBeLessThan(8 * MiB);
  return r!;
}

/** The fixture's fp32 on its long pass (the first `maxSec` seconds) with a memory profile of `prefixSec`, on each of `backends`. */
export async function profileResults(backends: readonly BackendName[], prefixSec: readonly number[], maxSec = 390): Promise<BenchResult[]> {
  const fx = await ensureFixture();
  return run(
    {
      variants: [fp32('fp32', fx.stockDir)],
      oracleVariant: 'fp32',
      backends: backends.map((backend) => ({ backend, threads: [1] })),
      decoders: [{ kind: 'greedy' }],
      datasets: [{ name: 'fixture-long', kind: 'long', audio: fx.datasets.long.wav, maxSec, memoryProfile: { prefixSec: [...prefixSec] } }],
    },
    await mkdtemp(join(tmpdir(), 'pb-profile-')),
  );
}
