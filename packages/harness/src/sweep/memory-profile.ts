/**
 * Memory against audio length: before a profiled config runs, each prefix of its long recording is
 * measured in a fresh worker process (a fresh browser for web backends), shortest first. A prefix
 * that fails, crashes or is unsupported becomes a point saying why; the profile goes into the
 * config's result.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { MemoryProfile, MemoryProfilePoint } from '@parakeet-bench/core';
import { memoryProfilePointSchema } from '@parakeet-bench/core';
import type { ConfigJob, MemoryProfileJob } from '../worker/job.ts';
import { exitReason, runWorker } from '../worker/spawn-worker.ts';

/** Where and how the prefix workers run. */
export interface ProfileRun {
  /** Point files go to `<resultsDir>/.memory-profile/` (a dot directory: result readers skip it). */
  readonly resultsDir: string;
  readonly worker: string;
  readonly timeoutSec: number;
  readonly progress: (message: string) => void;
  readonly signal?: AbortSignal;
}

async function readPoint(path: string): Promise<MemoryProfilePoint | null> {
  try {
    const parsed = memoryProfilePointSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Measures every prefix of `job`'s memory profile; null when interrupted. */
export async function measureMemoryProfile(job: ConfigJob, run: ProfileRun): Promise<MemoryProfile | null> {
  const dataset = job.dataset;
  if (dataset.kind !== 'long' || !dataset.memoryProfile) throw new Error(`${job.config.id}: no memoryProfile on its dataset`);
  const points: MemoryProfilePoint[] = [];
  for (const prefixSec of dataset.memoryProfile.prefixSec) {
    const outPath = join(run.resultsDir, '.memory-profile', `${job.config.id}-${prefixSec}s.json`);
    await rm(outPath, { force: true });
    const profileJob: MemoryProfileJob = { kind: 'memory-profile', config: job.config, variant: job.variant, dataset, prefixSec, outPath };
    const exit = await runWorker(run.worker, profileJob, run.timeoutSec, (m) => run.progress(`memory profile ${prefixSec} s: ${m}`), run.signal);
    if (run.signal?.aborted) return null;
    points.push((await readPoint(outPath)) ?? { audioSec: prefixSec, status: 'failed', reason: exitReason(exit, run.timeoutSec) });
    await rm(outPath, { force: true });
  }
  return { points };
}
