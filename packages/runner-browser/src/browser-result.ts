/** Result records specific to the browser runner: its environment block and unsupported/failed results. */
import type { BenchResult } from '@parakeet-bench/core';
import type { ConfigJob } from '@parakeet-bench/runner-node';
import { failedResult, machineInfo } from '@parakeet-bench/runner-node';
import type { PageEnvironment } from './page/page-protocol.ts';

/** The machine, browser and onnxruntime-web build a browser result was measured on. */
export function browserEnvironment(env: PageEnvironment | null, browserVersion: string | null): BenchResult['environment'] {
  return {
    ...machineInfo(),
    runtime: 'onnxruntime-web',
    runtimeVersion: env?.ortVersion ?? 'unknown',
    ...(browserVersion ? { browser: browserVersion } : {}),
  };
}

/** A config the browser cannot run by design (size walls, missing shader-f16): recorded, not failed. */
export function unsupportedResult(job: ConfigJob, reason: string, startedAt: string, environment: BenchResult['environment'] | null): BenchResult {
  return { ...failedResult(job, { message: reason, phase: 'plan' }, startedAt, environment ?? browserEnvironment(null, null)), status: 'unsupported' };
}

/** A failed browser config (crash, timeout, load error) with the browser runtime named. */
export function browserFailedResult(job: ConfigJob, error: { message: string; phase?: string; stack?: string }, startedAt: string): BenchResult {
  return failedResult(job, error, startedAt, browserEnvironment(null, null));
}
