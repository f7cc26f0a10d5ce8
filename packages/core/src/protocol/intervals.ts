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
 * Items with a non-empty reference in `unit`. An item whose normalised reference is empty has no
 * length to weight its errors by; it is left out of the interval (its insertions still count in `wer`).
 */
export function nonEmptyItems(scored: readonly Scored[], unit: ErrorUnit) {
  return errorItems(scored, unit).filter((i) => i.referenceLength > 0);
}

/** WER and CER intervals of scored items; a unit with no non-empty reference gets none. */
export function accuracyIntervals(scored: readonly Scored[]): Pick<Accuracy, 'werCi' | 'cerCi'> {
  const words = nonEmptyItems(scored, 'words');
  const chars = nonEmptyItems(scored, 'chars');
  return {
    ...(words.length ? { werCi: bootstrapCi(words, RESULT_BOOTSTRAP) } : {}),
    ...(chars.length ? { cerCi: bootstrapCi(chars, RESULT_BOOTSTRAP) } : {}),
  };
}
