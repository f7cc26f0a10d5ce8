/**
 * Child-process entry for web-wasm / web-webgpu configs, with runner-node's worker protocol: job JSON
 * in argv[2], `progress: ...` lines on stderr, the result JSON written atomically to job.resultPath
 * (failed results too). If this process is killed, its Chromium dies with it (see bench-browser.ts).
 */
import type { BenchResult } from '@parakeet-bench/core';
import type { ConfigJob, WorkerJob } from '@parakeet-bench/runner-node';
import { PhaseError, writeJsonAtomic } from '@parakeet-bench/runner-node';
import { runBrowserConfig } from './browser-run-config.ts';
import { browserFailedResult } from './browser-result.ts';
import { faultFromEnv } from './fault.ts';

const progress = (m: string): void => {
  process.stderr.write(`progress: ${m}\n`);
};

async function runJob(job: ConfigJob): Promise<void> {
  const startedAt = new Date().toISOString();
  let result: BenchResult;
  try {
    result = await runBrowserConfig(job, { progress, ...faultFromEnv(process.env) });
  } catch (e) {
    const err = e as Error;
    result = browserFailedResult(job, { message: err.message, phase: e instanceof PhaseError ? e.phase : 'run', ...(err.stack ? { stack: err.stack } : {}) }, startedAt);
  }
  await writeJsonAtomic(job.resultPath, result);
}

const job = JSON.parse(process.argv[2] ?? 'null') as WorkerJob | null;
if (!job || job.kind !== 'config') {
  console.error('runner-browser worker: expected a config job JSON argument (oracle jobs run on node-cpu)');
  process.exit(2);
}
try {
  await runJob(job);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
