/** Expanding a sweep into one job per config, in a stable order, each with its result file. */
import { resolve } from 'node:path';
import type { BenchConfig, ModelLoader, ModelVariant } from '@parakeet-bench/core';
import { DEFAULT_MODEL_LOADER, configId } from '@parakeet-bench/core';
import { resultPath } from '@parakeet-bench/results';
import type { ConfigJob } from '../worker/job.ts';
import { chunkedOf } from './long-strategy.ts';
import type { SweepSpec } from './sweep-spec.ts';
import { batchSizesFor, datasetLanguage, resolveDatasetPaths } from './sweep-spec.ts';

/** Where a sweep writes results (<resultsDir>/<config-id>.json) and keeps its caches. */
export interface ResultLayout {
  readonly resultsDir: string;
  readonly runLabel?: string;
  /** Where oracle transcripts are kept (default: <resultsDir>/oracle). Outside resultsDir keeps reports to results only. */
  readonly oracleDir?: string;
  /** Where content hashes of model and dataset files are remembered across runs (default: memory only). */
  readonly hashStore?: string;
  /** Where features and encoder outputs are cached across decoder configs; absent = off. */
  readonly tensorCacheDir?: string;
}

function toVariant(v: SweepSpec['variants'][number]): ModelVariant {
  return { ...v, dir: resolve(v.dir) };
}

/** The loaders of a backend entry: browser configs always record theirs, node-cpu has none. */
function loadersOf(b: SweepSpec['backends'][number]): readonly (ModelLoader | undefined)[] {
  return b.backend === 'node-cpu' ? [undefined] : (b.loaders ?? [DEFAULT_MODEL_LOADER]);
}

/**
 * One (variant, backend, threads, loader, long strategy, batch size) of a dataset: its decoder configs
 * share one encoder cache. Corpus datasets have no long-audio strategy; a long one gets one group per
 * strategy and stays at batch 1.
 */
interface Group {
  readonly variant: SweepSpec['variants'][number];
  readonly backend: SweepSpec['backends'][number]['backend'];
  readonly threads: number;
  readonly loader: ModelLoader | undefined;
  readonly longStrategy: ReturnType<typeof chunkedOf>;
  readonly batchSize: number;
}

function groupsOf(spec: SweepSpec, dataset: SweepSpec['datasets'][number]): Group[] {
  const strategies = dataset.kind === 'long' ? spec.longStrategies.map(chunkedOf) : [undefined];
  return spec.variants.flatMap((variant) =>
    spec.backends.flatMap((b) =>
      b.threads.flatMap((threads) =>
        loadersOf(b).flatMap((loader) =>
          strategies.flatMap((longStrategy) =>
            batchSizesFor(spec, dataset).map((batchSize) => ({ variant, backend: b.backend, threads, loader, longStrategy, batchSize })),
          ),
        ),
      ),
    ),
  );
}

/**
 * Expands a sweep into one job per config, in a stable order (dataset, variant, backend, threads,
 * loader, long strategy, batch size, decoder): configs that differ only in decoder follow each other,
 * so the first of them fills the tensor cache.
 */
export function planJobs(spec: SweepSpec, layout: ResultLayout): ConfigJob[] {
  const jobs: ConfigJob[] = [];
  const oracle = oracleVariant(spec);
  for (const dataset of spec.datasets) {
    const language = datasetLanguage(dataset);
    const scoring = { normalizer: spec.normalizer, ...(language !== undefined ? { language } : {}) };
    for (const { variant: v, backend, threads, loader, longStrategy, batchSize } of groupsOf(spec, dataset)) {
      for (const [d, decoder] of spec.decoders.entries()) {
        const base: Omit<BenchConfig, 'id'> = {
          variant: v.id,
          encoderPrecision: v.encoderPrecision,
          decoderPrecision: v.decoderPrecision,
          backend,
          threads,
          decoder,
          dataset: dataset.name,
          ...(loader ? { loader } : {}),
          ...(longStrategy ? { longStrategy } : {}),
          // Absent at batch 1: such configs (and their ids) stay what they were before batching.
          ...(batchSize !== 1 ? { batchSize } : {}),
        };
        const config: BenchConfig = { id: configId(base), ...base };
        jobs.push({
          kind: 'config',
          config,
          variant: toVariant(v),
          dataset: resolveDatasetPaths(dataset, process.cwd()),
          resultPath: resultPath(resolve(layout.resultsDir), config.id),
          ...(layout.runLabel ? { runLabel: layout.runLabel } : {}),
          ...(spec.repeats > 1 ? { repeats: spec.repeats } : {}),
          ...(layout.tensorCacheDir ? { cacheDir: resolve(layout.tensorCacheDir), cacheRole: d === 0 ? 'fresh' : 'reuse' } : {}),
          scoring,
          compareTo: spec.compareTo ?? spec.oracleVariant,
          // Encoder outputs are kept (tensor cache) and compared on node-cpu; the oracle is the reference.
          // The block describes the variant's single pass at batch 1, so only those configs carry it.
          ...(backend === 'node-cpu' && v.id !== oracle.id && !longStrategy && batchSize === 1 ? { fidelityOracle: oracle } : {}),
          ...(d === 0 && dataset.kind === 'long' && dataset.memoryProfile && !longStrategy ? { profileMemory: true } : {}),
        });
      }
    }
  }
  const seen = new Map<string, ConfigJob>();
  for (const job of jobs) {
    const other = seen.get(job.config.id);
    if (other) {
      throw new Error(
        `two configs share the id ${job.config.id} (datasets "${other.config.dataset}" and "${job.config.dataset}", variants "${other.config.variant}" and "${job.config.variant}"): rename one so each result has its own file`,
      );
    }
    seen.set(job.config.id, job);
  }
  return jobs;
}

/** The oracle variant of a sweep. */
export function oracleVariant(spec: SweepSpec): ModelVariant {
  const v = spec.variants.find((x) => x.id === spec.oracleVariant);
  if (!v) throw new Error(`oracle variant ${spec.oracleVariant} not in the sweep`);
  return toVariant(v);
}
