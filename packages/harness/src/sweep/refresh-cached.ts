/**
 * A finished config found on rerun is kept, not decoded again; when the sweep now scores with another
 * normaliser, or compares with another variant, the stored result is brought up to date from its
 * stored texts (rescored), so a summary never mixes normalisers.
 */
import type { BenchResult } from '@parakeet-bench/core';
import { DEFAULT_SCORING, rescoreResult, sameScoring, scoringOf } from '@parakeet-bench/core';
import type { ConfigJob } from '../worker/job.ts';

/** What changed in a cached result. */
export interface RefreshedResult {
  readonly result: BenchResult;
  /** True when it was rescored (its normaliser or language differed from the job's). */
  readonly rescored: boolean;
}

/** The cached `ok` result updated to the job's scoring and `compareTo`; null when nothing changes. */
export function refreshCached(previous: BenchResult, job: ConfigJob): RefreshedResult | null {
  if (previous.status !== 'ok') return null;
  const scoring = job.scoring ?? DEFAULT_SCORING;
  const rescored = !sameScoring(scoringOf(previous), scoring) || previous.scoring === undefined;
  const newReference = job.compareTo !== undefined && previous.compareTo !== job.compareTo;
  if (!rescored && !newReference) return null;
  const result = rescored ? rescoreResult(previous, scoring) : { ...previous };
  if (job.compareTo !== undefined) result.compareTo = job.compareTo;
  return { result, rescored };
}
