/**
 * Which run a sweep writes as. Results of one run share a run id, so a directory where an
 * interrupted `--force` left old and new results mixed is recognisable. A rerun without --force
 * continues the newest run already in the directory (its results are reused where still valid, the
 * others are redone under the same id); --force starts a new run.
 */
import { randomBytes } from 'node:crypto';
import type { StoredResult } from '@parakeet-bench/results';

/** A fresh run id: the start time and a random suffix. */
export function newRunId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
}

/** The run id of the newest result in `existing` (by finish time), or undefined when none carries one. */
export function newestRunId(existing: readonly StoredResult[]): string | undefined {
  let best: StoredResult | undefined;
  for (const r of existing) {
    if (!r.result.runId) continue;
    if (!best || r.result.finishedAt > best.result.finishedAt) best = r;
  }
  return best?.result.runId;
}
