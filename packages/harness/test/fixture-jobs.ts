/**
 * Jobs over the generated fixture for the browser-backend e2e tests: a manifest of the SHORTEST clips only,
 * because WebGPU on SwiftShader runs at ~0.7x real time on two cores.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BackendName, ModelVariant } from '@parakeet-bench/core';
import { configId } from '@parakeet-bench/core';
import type { FixturePaths } from '@parakeet-bench/fixture';
import { ensureFixture } from '@parakeet-bench/fixture';
import type { DatasetSpec, VariantSpec } from '../src/sweep/sweep-spec.ts';
import type { ConfigJob } from '../src/worker/job.ts';

/** The fixture plus a manifest of its `count` shortest short clips. */
export async function shortFixture(workDir: string, count: number): Promise<{ paths: FixturePaths; dataset: DatasetSpec }> {
  const paths = await ensureFixture();
  const items = [...paths.datasets.short.items].sort((a, b) => a.durationSec - b.durationSec).slice(0, count);
  await mkdir(workDir, { recursive: true });
  const manifest = join(workDir, 'manifest.jsonl');
  const lines = items.map((i) => JSON.stringify({ audio_filepath: resolve(paths.datasets.short.dir, i.audio), text: i.text, duration: i.durationSec }));
  await writeFile(manifest, `${lines.join('\n')}\n`);
  return { paths, dataset: { name: 'fixture-shortest', kind: 'manifest', manifest } };
}

/** The fixture's fp32 (non-sharded file name: the browser runner must pick the shards) and fp16 variants. */
export function fixtureVariants(paths: FixturePaths): Record<'fp32' | 'fp16', VariantSpec> {
  return {
    fp32: { id: 'fp32', dir: paths.stockDir, encoderFile: 'encoder-model.onnx', decoderFile: 'decoder_joint-model.onnx', encoderPrecision: 'fp32', decoderPrecision: 'fp32' },
    fp16: { id: 'fp16', dir: paths.stockDir, encoderFile: 'encoder-model.fp16.onnx', decoderFile: 'decoder_joint-model.fp16.onnx', encoderPrecision: 'fp16', decoderPrecision: 'fp16' },
  };
}

/** One config job writing to `resultsDir`. */
export function makeJob(variant: ModelVariant, backend: BackendName, threads: number, dataset: DatasetSpec, resultsDir: string): ConfigJob {
  const base = { variant: variant.id, encoderPrecision: variant.encoderPrecision, decoderPrecision: variant.decoderPrecision, backend, threads, decoder: { kind: 'greedy' as const }, dataset: dataset.name };
  const config = { id: configId(base), ...base };
  return { kind: 'config', config, variant, dataset, resultPath: join(resultsDir, `${config.id}.json`) };
}

/** Reads a manifest's references in order. */
export async function manifestTexts(manifest: string): Promise<string[]> {
  return (await readFile(manifest, 'utf8')).trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
}
