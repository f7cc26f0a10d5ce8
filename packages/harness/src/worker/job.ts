import type { BenchConfig, MemoryProfile, ModelVariant, Provenance, Scoring } from '@parakeet-bench/core';
import type { DatasetSpec } from '../sweep/sweep-spec.ts';

/** Everything a worker process needs to run one config. */
export interface ConfigJob {
  readonly kind: 'config';
  readonly config: BenchConfig;
  readonly variant: ModelVariant;
  readonly dataset: DatasetSpec;
  readonly resultPath: string;
  /** Oracle file for long datasets. */
  readonly oraclePath?: string;
  readonly runLabel?: string;
  /** The sweep run this config belongs to (stored in its result). */
  readonly runId?: string;
  /** The inputs as the sweep hashed them before starting the worker (stored in the result). */
  readonly provenance?: Provenance;
  /** Tensor cache directory (features and encoder outputs); absent = no caching. */
  readonly cacheDir?: string;
  /**
   * `fresh`: the first decoder config of a (variant, backend, threads, dataset) always runs the whole
   * pipeline, so its timings and peak RAM are the pipeline's, and fills the cache. `reuse`: later
   * decoder configs (beam widths, MAES settings) read features and encoder outputs from it.
   */
  readonly cacheRole?: 'fresh' | 'reuse';
  /** Timed passes over the clips in this process (default 1); results keep every pass's timing. */
  readonly repeats?: number;
  /** Normaliser (and dataset language) to score with; default: the `default` normaliser. */
  readonly scoring?: Scoring;
  /** Variant the reports compare this config with, recorded in the result. */
  readonly compareTo?: string;
  /**
   * node-cpu configs of non-oracle variants: compare the encoder output with this oracle variant's
   * (whose file hashes are in `provenance.oracle`) after the config is measured.
   */
  readonly fidelityOracle?: ModelVariant;
  /** The first decoder config of a long dataset with a `memoryProfile`: the sweep measures the prefixes before it runs. */
  readonly profileMemory?: boolean;
  /** The profile the sweep measured, stored in this config's result. */
  readonly memoryProfile?: MemoryProfile;
}

/** Measures one prefix of a config's long recording in its own process and writes the point to `outPath`. */
export interface MemoryProfileJob {
  readonly kind: 'memory-profile';
  readonly config: BenchConfig;
  readonly variant: ModelVariant;
  readonly dataset: Extract<DatasetSpec, { kind: 'long' }>;
  readonly prefixSec: number;
  readonly outPath: string;
}

/** Computes the fp32 oracle's section transcripts of one long dataset. */
export interface OracleJob {
  readonly kind: 'oracle';
  readonly variant: ModelVariant;
  readonly dataset: Extract<DatasetSpec, { kind: 'long' }>;
  readonly threads: number;
  readonly oraclePath: string;
}

/** A unit of work for one child process. */
export type WorkerJob = ConfigJob | OracleJob | MemoryProfileJob;
