/**
 * The confidence intervals every scored result carries (`accuracy.werCi`, `accuracy.cerCi`), from the
 * per-item counts already in the result: utterances of a corpus, sections of a long pass.
 */
import type { Accuracy, ErrorCounts } from '../schema.ts';
import { bootstrapCi } from '../stats/bootstrap.ts';
import type { BootstrapOptions } from '../stats/bootstrap.ts';
import { errorItems } from '../stats/items.ts';
import type { ErrorUnit } from '../stats/items.ts';

/**
 * The bootstrap of result intervals and of the comparisons made from results: fixed (seed 0, 2000
 * resamples, 95%), so the same counts give the same interval on every machine and every rerun, and
 * a rescored result gets the interval a fresh run would have.
 */
export const RESULT_BOOTSTRAP: Readonly<Required<BootstrapOptions>> = { resamples: 2000, seed: 0, level: 0.95 };

type Scored = { id: string; words: ErrorCounts; chars: ErrorCounts };

/**
 * WER and CER intervals of scored items. Empty references are resampled with the rest (their
 * insertions count, as in `wer`); a unit whose references are all empty gets no interval.
 */
export function accuracyIntervals(scored: readonly Scored[]): Pick<Accuracy, 'werCi' | 'cerCi'> {
  const interval = (unit: ErrorUnit) => {
    const items = errorItems(scored, unit);
    return items.some((i) => i.referenceLength > 0) ? bootstrapCi(items, RESULT_BOOTSTRAP) : undefined;
  };
  const werCi = interval('words');
  const cerCi = interval('chars');
  return { ...(werCi ? { werCi } : {}), ...(cerCi ? { cerCi } : {}) };
}
