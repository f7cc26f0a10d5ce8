import type { BenchResult } from '@parakeet-bench/core';
import { RESULT_SCHEMA_VERSION } from '@parakeet-bench/core';
import { nodeEnvironment } from './environment.ts';
import type { ConfigJob } from './job.ts';

/** The failed-result record shared by the worker and the parent. */
export function failedResult(
  job: ConfigJob,
  error: { message: string; phase?: string; stack?: string },
  startedAt: string,
  environment: BenchResult['environment'] = nodeEnvironment(),
): BenchResult {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    config: job.config,
    status: 'failed',
    error,
    startedAt,
    finishedAt: new Date().toISOString(),
    ...(job.runLabel ? { runLabel: job.runLabel } : {}),
    environment,
    utterances: [],
  };
}
