/**
 * Child-process entry, for every backend: runs one job given as JSON in argv[2] and writes its
 * result file. Progress goes to stderr as `progress: ...` lines the parent relays. A failure is
 * written as a `failed` result here; a crash that kills the process is recorded by the parent.
 */
import { runConfigJob, runOracleJob } from './run-config.ts';
import { runMemoryProfileJob } from './run-memory-profile.ts';
import type { WorkerJob } from './job.ts';

const progress = (m: string): void => {
  process.stderr.write(`progress: ${m}\n`);
};

const job = JSON.parse(process.argv[2] ?? 'null') as WorkerJob | null;
if (!job) {
  console.error('worker-main: expected a job JSON argument');
  process.exit(2);
}
try {
  if (job.kind === 'oracle') await runOracleJob(job, progress);
  else if (job.kind === 'memory-profile') await runMemoryProfileJob(job, progress);
  else await runConfigJob(job, progress);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
