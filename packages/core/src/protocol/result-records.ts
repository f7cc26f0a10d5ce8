/** The result records that are not scored runs: failed and unsupported configs. */
import type { BenchConfig, BenchResult, Provenance } from '../schema.ts';
import { RESULT_SCHEMA_VERSION } from '../schema.ts';

/** What went wrong, and in which phase. */
export interface ResultError {
  readonly message: string;
  readonly phase?: string;
  readonly stack?: string;
}

/** Which run wrote a result, and from which inputs: stamped on every result, failed ones too. */
export interface RunStamp {
  readonly runLabel?: string;
  readonly runId?: string;
  readonly provenance?: Provenance;
}

/** The stamp's fields as they go into a result (absent ones left out). */
export function stampFields(s: RunStamp | undefined): Pick<BenchResult, 'runLabel' | 'runId' | 'provenance'> {
  return {
    ...(s?.runLabel ? { runLabel: s.runLabel } : {}),
    ...(s?.runId ? { runId: s.runId } : {}),
    ...(s?.provenance ? { provenance: s.provenance } : {}),
  };
}

/** The record of a config that failed (thrown, crashed, timed out), shared by the worker and the sweep. */
export function failedResult(config: BenchConfig, error: ResultError, startedAt: string, environment: BenchResult['environment'], stamp?: RunStamp): BenchResult {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    config,
    status: 'failed',
    error: { ...error },
    startedAt,
    finishedAt: new Date().toISOString(),
    ...stampFields(stamp),
    environment,
    utterances: [],
  };
}

/** A config a backend cannot run by design (size walls, missing shader-f16): recorded, not failed. */
export function unsupportedResult(config: BenchConfig, reason: string, startedAt: string, environment: BenchResult['environment'], stamp?: RunStamp): BenchResult {
  return { ...failedResult(config, { message: reason, phase: 'plan' }, startedAt, environment, stamp), status: 'unsupported' };
}
