import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchConfig, ModelLoader, ModelVariant } from '@parakeet-bench/core';
import { DEFAULT_MODEL_LOADER, configId, preprocessorFileOf } from '@parakeet-bench/core';
import type { ConfigJob } from '../worker/job.ts';
import type { DatasetSpec, SweepSpec } from './sweep-spec.ts';
import { resolveDatasetPaths } from './sweep-spec.ts';

/** Where a sweep writes: results/<run>/<config-id>.json and results/<run>/oracle/<dataset>.json. */
export interface ResultLayout {
  readonly resultsDir: string;
  readonly runLabel?: string;
  /** Where oracle transcripts are kept (default: <resultsDir>/oracle). Outside resultsDir keeps reports to results only. */
  readonly oracleDir?: string;
  /** Where features and encoder outputs are cached across decoder configs; absent = off. */
  readonly tensorCacheDir?: string;
}

/**
 * Oracle file of a long dataset. The name carries a hash of everything the oracle depends on (audio
 * file, oracle variant files, pass and section lengths), so a changed input never reuses a stale one.
 */
export function oraclePathFor(layout: ResultLayout, spec: SweepSpec, dataset: Extract<DatasetSpec, { kind: 'long' }>): string {
  const v = oracleVariant(spec);
  const ident = (p: string): string => {
    try {
      const s = statSync(p);
      return `${p}:${s.size}:${s.mtimeMs}`;
    } catch {
      return `${p}:missing`;
    }
  };
  const parts = [
    ident(resolve(dataset.audio)),
    ident(join(v.dir, preprocessorFileOf(v))),
    ident(join(v.dir, v.encoderFile)),
    ident(join(v.dir, v.decoderFile)),
    ident(join(v.dir, 'vocab.txt')),
    dataset.maxSec,
    dataset.sectionSec,
  ];
  const key = createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
  const dir = layout.oracleDir ?? join(resolve(layout.resultsDir), 'oracle');
  return join(dir, `${dataset.name.replace(/[^A-Za-z0-9._-]+/g, '_')}-${key}.json`);
}

function toVariant(v: SweepSpec['variants'][number]): ModelVariant {
  return { ...v, dir: resolve(v.dir) };
}

/** The loaders of a backend entry: browser configs always record theirs, node-cpu has none. */
function loadersOf(b: SweepSpec['backends'][number]): readonly (ModelLoader | undefined)[] {
  return b.backend === 'node-cpu' ? [undefined] : (b.loaders ?? [DEFAULT_MODEL_LOADER]);
}

/** Expands a sweep into one job per config, in a stable order (dataset, variant, backend, loader, decoder). */
export function planJobs(spec: SweepSpec, layout: ResultLayout): ConfigJob[] {
  const jobs: ConfigJob[] = [];
  for (const dataset of spec.datasets) {
    for (const v of spec.variants) {
      for (const b of spec.backends) {
        for (const [threads, loader] of b.threads.flatMap((t) => loadersOf(b).map((l) => [t, l] as const))) {
          for (const [d, decoder] of spec.decoders.entries()) {
            const base: Omit<BenchConfig, 'id'> = {
              variant: v.id,
              encoderPrecision: v.encoderPrecision,
              decoderPrecision: v.decoderPrecision,
              backend: b.backend,
              threads,
              decoder,
              dataset: dataset.name,
              ...(loader ? { loader } : {}),
            };
            const config: BenchConfig = { id: configId(base), ...base };
            jobs.push({
              kind: 'config',
              config,
              variant: toVariant(v),
              dataset: resolveDatasetPaths(dataset, process.cwd()),
              resultPath: join(resolve(layout.resultsDir), `${config.id}.json`),
              ...(dataset.kind === 'long' ? { oraclePath: oraclePathFor(layout, spec, dataset) } : {}),
              ...(layout.runLabel ? { runLabel: layout.runLabel } : {}),
              ...(spec.repeats > 1 ? { repeats: spec.repeats } : {}),
              ...(layout.tensorCacheDir ? { cacheDir: resolve(layout.tensorCacheDir), cacheRole: d === 0 ? 'fresh' : 'reuse' } : {}),
            });
          }
        }
      }
    }
  }
  return jobs;
}

/** The oracle variant of a sweep. */
export function oracleVariant(spec: SweepSpec): ModelVariant {
  const v = spec.variants.find((x) => x.id === spec.oracleVariant);
  if (!v) throw new Error(`oracle variant ${spec.oracleVariant} not in the sweep`);
  return toVariant(v);
}
