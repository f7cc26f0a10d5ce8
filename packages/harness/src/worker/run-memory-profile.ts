/**
 * One point of a memory profile, in its own worker process: the first `prefixSec` seconds of the
 * config's long recording in one pass, on the config's backend, model and decoder, no tensor cache.
 * The whole recording is loaded first, as the config itself does, so every prefix starts from the
 * same runtime baseline and what grows is inference.
 */
import type { MemoryProfilePoint } from '@parakeet-bench/core';
import { TARGET_SAMPLE_RATE, sliceSeconds } from '@parakeet-bench/core';
import { writeJsonAtomic } from '@parakeet-bench/node-io';
import { backends } from '../backends.ts';
import { loadDataset } from '../datasets/load-dataset.ts';
import type { MemoryProfileJob } from './job.ts';
import type { ProgressFn } from './run-config.ts';
import { requestFor } from './run-config.ts';

async function measurePoint(job: MemoryProfileJob, progress: ProgressFn): Promise<MemoryProfilePoint> {
  const data = await loadDataset(job.dataset);
  if (data.kind !== 'long') throw new Error('a memory profile needs a long dataset');
  const audioSec = data.samples.length / TARGET_SAMPLE_RATE;
  if (job.prefixSec > audioSec + 1e-6) throw new Error(`${data.audio}: prefix ${job.prefixSec} s is longer than the ${audioSec.toFixed(1)} s pass`);
  const { config } = job;
  const backend = await backends[config.backend].load();
  const out = await backend.transcribe(requestFor(config, job.variant, [sliceSeconds(data.samples, 0, job.prefixSec)], progress));
  if (out.status === 'unsupported') return { audioSec: job.prefixSec, status: 'unsupported', reason: out.reason };
  const clip = out.passes[0]![0]!;
  const t = clip.timings;
  return { audioSec: job.prefixSec, status: 'ok', encoderFrames: clip.encodedLength, processMs: t.preprocessMs + t.encodeMs + t.decodeMs, memory: out.memory };
}

/** Worker entry of a memory-profile job: its point file is written whatever happens short of a crash. */
export async function runMemoryProfileJob(job: MemoryProfileJob, progress: ProgressFn): Promise<void> {
  let point: MemoryProfilePoint;
  try {
    point = await measurePoint(job, progress);
  } catch (e) {
    point = { audioSec: job.prefixSec, status: 'failed', reason: (e as Error).message };
  }
  await writeJsonAtomic(job.outPath, point);
}
