/**
 * Child-process entry: runs one job given as JSON in argv[2] and writes its result file. Progress goes
 * to stderr as `progress: ...` lines the parent relays. A failure is written as a `failed` result here;
 * a crash that kills the process is recorded by the parent instead.
 */
import type { BenchResult } from '@parakeet-bench/core';
import { loadParakeet } from '@parakeet-bench/core';
import { writeJsonAtomic } from './atomic.ts';
import { loadDataset } from './datasets.ts';
import { failedResult } from './failed-result.ts';
import type { ConfigJob, OracleJob, WorkerJob } from './job.ts';
import { nodeModelSource } from './node-source.ts';
import { computeOracle, writeOracle } from './oracle.ts';
import { PhaseError, runConfig } from './run-config.ts';

const progress = (m: string): void => {
  process.stderr.write(`progress: ${m}\n`);
};

async function runOracle(job: OracleJob): Promise<void> {
  const data = await loadDataset(job.dataset);
  if (data.kind !== 'long') throw new Error('oracle needs a long dataset');
  const model = await loadParakeet(nodeModelSource(job.variant.dir, { threads: job.threads }), job.variant);
  try {
    const oracle = await computeOracle(model, data.samples, { dataset: job.dataset.name, audio: job.dataset.audio, sectionSec: job.dataset.sectionSec }, (d, n) =>
      progress(`oracle section ${d}/${n}`),
    );
    await writeOracle(job.oraclePath, oracle);
  } finally {
    await model.release();
  }
}

async function runConfigJob(job: ConfigJob): Promise<void> {
  const startedAt = new Date().toISOString();
  let result: BenchResult;
  try {
    result = await runConfig(job, progress);
  } catch (e) {
    const err = e as Error;
    result = failedResult(job, { message: err.message, phase: e instanceof PhaseError ? e.phase : 'run', ...(err.stack ? { stack: err.stack } : {}) }, startedAt);
  }
  await writeJsonAtomic(job.resultPath, result);
}

const job = JSON.parse(process.argv[2] ?? 'null') as WorkerJob | null;
if (!job) {
  console.error('worker-main: expected a job JSON argument');
  process.exit(2);
}
try {
  await (job.kind === 'oracle' ? runOracle(job) : runConfigJob(job));
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
