/** The result records that are not scored runs: failed and unsupported configs. */
import type { BenchConfig, BenchResult } from '../schema.ts';
import { RESULT_SCHEMA_VERSION } from '../schema.ts';

/** What went wrong, and in which phase. */
export interface ResultError {
  readonly message: string;
  readonly phase?: string;
  readonly stack?: string;
}

/** The record of a config that failed (thrown, crashed, timed out), shared by the worker and the sweep. */
export function failedResult(
  config: BenchConfig,
  error: ResultError,
  startedAt: string,
  environment: BenchResult['environment'],
  runLabel?: string,
): BenchResult {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    config,
    status: 'failed',
    error: { ...error },
    startedAt,
    finishedAt: new Date().toISOString(),
    ...(runLabel ? { runLabel } : {}),
    environment,
    utterances: [],
  };
}

/** A config a backend cannot run by design (size walls, missing shader-f16): recorded, not failed. */
export function unsupportedResult(config: BenchConfig, reason: string, startedAt: string, environment: BenchResult['environment'], runLabel?: string): BenchResult {
  return { ...failedResult(config, { message: reason, phase: 'plan' }, startedAt, environment, runLabel), status: 'unsupported' };
}
