import { join, resolve } from 'node:path';
import type { BenchConfig, ModelVariant } from '@parakeet-bench/core';
import { configId } from '@parakeet-bench/core';
import type { ConfigJob } from './job.ts';
import type { DatasetSpec, SweepSpec } from './sweep-spec.ts';

/** Where a sweep writes: results/<run>/<config-id>.json and results/<run>/oracle/<dataset>.json. */
export interface ResultLayout {
  readonly resultsDir: string;
  readonly runLabel?: string;
}

/** Oracle file of a long dataset. */
export function oraclePathFor(layout: ResultLayout, dataset: string): string {
  return join(resolve(layout.resultsDir), 'oracle', `${dataset.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`);
}

function toVariant(v: SweepSpec['variants'][number]): ModelVariant {
  return { ...v, dir: resolve(v.dir) };
}

/** Expands a sweep into one job per config, in a stable order (dataset, variant, backend, decoder). */
export function planJobs(spec: SweepSpec, layout: ResultLayout): ConfigJob[] {
  const jobs: ConfigJob[] = [];
  for (const dataset of spec.datasets) {
    for (const v of spec.variants) {
      for (const b of spec.backends) {
        for (const threads of b.threads) {
          for (const decoder of spec.decoders) {
            const base: Omit<BenchConfig, 'id'> = {
              variant: v.id,
              encoderPrecision: v.encoderPrecision,
              decoderPrecision: v.decoderPrecision,
              backend: b.backend,
              threads,
              decoder,
              dataset: dataset.name,
            };
            const config: BenchConfig = { id: configId(base), ...base };
            jobs.push({
              kind: 'config',
              config,
              variant: toVariant(v),
              dataset: resolveDataset(dataset),
              resultPath: join(resolve(layout.resultsDir), `${config.id}.json`),
              ...(dataset.kind === 'long' ? { oraclePath: oraclePathFor(layout, dataset.name) } : {}),
              ...(layout.runLabel ? { runLabel: layout.runLabel } : {}),
            });
          }
        }
      }
    }
  }
  return jobs;
}

function resolveDataset(d: DatasetSpec): DatasetSpec {
  if (d.kind === 'manifest') return { ...d, manifest: resolve(d.manifest) };
  if (d.kind === 'folder') return { ...d, dir: resolve(d.dir) };
  return { ...d, audio: resolve(d.audio), ...(d.referenceText ? { referenceText: resolve(d.referenceText) } : {}) };
}

/** The oracle variant of a sweep. */
export function oracleVariant(spec: SweepSpec): ModelVariant {
  const v = spec.variants.find((x) => x.id === spec.oracleVariant);
  if (!v) throw new Error(`oracle variant ${spec.oracleVariant} not in the sweep`);
  return toVariant(v);
}
