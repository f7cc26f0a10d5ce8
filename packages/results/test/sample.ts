/** Minimal schema-valid results for the store's tests. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchResult } from '@parakeet-bench/core';
import { RESULT_SCHEMA_VERSION, parseBenchResult } from '@parakeet-bench/core';

const counts = { hits: 3, substitutions: 1, deletions: 0, insertions: 0, referenceLength: 4 };

/** One ok corpus result of `dataset`, finished at `finishedAt`, labelled `runLabel`. */
export function sample(dataset: string, o: { variant?: string; finishedAt?: string; runLabel?: string } = {}): BenchResult {
  const variant = o.variant ?? 'fp32';
  const config = { id: `${dataset}__${variant}__node-cpu-t1__greedy`, variant, encoderPrecision: 'fp32', decoderPrecision: 'fp32', backend: 'node-cpu' as const, threads: 1, decoder: { kind: 'greedy' as const }, dataset };
  const finishedAt = o.finishedAt ?? '2026-11-28T02:03:00.000Z';
  return parseBenchResult(
    JSON.stringify({
      schemaVersion: RESULT_SCHEMA_VERSION,
      config,
      status: 'ok',
      startedAt: finishedAt.replace(/T\d\d/, 'T00'),
      finishedAt,
      ...(o.runLabel ? { runLabel: o.runLabel } : {}),
      environment: { cpuModel: 'Test CPU', cores: 2, totalMemBytes: 1, platform: 'linux', arch: 'x64', node: 'v20', runtime: 'onnxruntime-node', runtimeVersion: '1.30.0' },
      accuracy: { wer: 0.25, cer: 0.25, words: counts, chars: counts, utterances: 1, droppedEmptyReferences: 0 },
    }),
    'sample',
  );
}

/** Writes results as `<dir>/<config-id>.json`. */
export async function writeSamples(dir: string, results: readonly BenchResult[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const r of results) {
    const file = join(dir, `${r.config.id}.json`);
    await writeFile(file, `${JSON.stringify(r, null, 2)}\n`);
    files.push(file);
  }
  return files;
}
