/**
 * Paired WER statistics of two stored results over the same items (utterances of a corpus, sections
 * of a long pass): the one place the harness summary, the reports and the gate get them from.
 */
import { RESULT_BOOTSTRAP } from '../protocol/intervals.ts';
import { scoringMismatch } from '../protocol/scoring.ts';
import type { BenchResult, UtteranceResult } from '../schema.ts';
import { pairedBootstrap } from './bootstrap.ts';
import type { PairedComparison } from './bootstrap.ts';
import { errorItems } from './items.ts';
import { mapsswe } from './mapsswe.ts';
import type { MapssweResult } from './mapsswe.ts';

/** b against a on the same items: the paired bootstrap of the WER difference, and MAPSSWE. */
export interface PairedWer {
  readonly bootstrap: PairedComparison;
  readonly mapsswe: MapssweResult;
}

/** The scored items of a result: its utterances, or the sections of its long pass. */
export function scoredItemsOf(r: Pick<BenchResult, 'utterances' | 'longPass'>): UtteranceResult[] {
  return r.utterances.length > 0 ? r.utterances : (r.longPass?.sections ?? []);
}

/**
 * Paired WER of `b` against `a` (b - a, in points), with the fixed result bootstrap (seed 0, 2000
 * resamples, 95%). Items with an empty reference are paired too (their insertions count, as in `wer`).
 * Throws, naming both sides by `names` and the fix, when the results cannot be paired: not ok,
 * normalised differently, different items or references, or nothing scored.
 */
export function pairedWer(a: BenchResult, b: BenchResult, names: readonly [string, string] = [a.config.id, b.config.id]): PairedWer {
  const [nameA, nameB] = names;
  for (const [r, name] of [[a, nameA], [b, nameB]] as const) {
    if (r.status !== 'ok') throw new Error(`${name} is ${r.status}: there are no scores to compare`);
  }
  const mismatch = scoringMismatch(b, a, [nameB, nameA]);
  if (mismatch) throw new Error(mismatch);
  const itemsA = errorItems(scoredItemsOf(a), 'words');
  const itemsB = errorItems(scoredItemsOf(b), 'words');
  if (![...itemsA, ...itemsB].some((i) => i.referenceLength > 0)) throw new Error(`${nameB} and ${nameA} have no scored item with a non-empty reference`);
  try {
    return { bootstrap: pairedBootstrap(itemsA, itemsB, RESULT_BOOTSTRAP), mapsswe: mapsswe(itemsA, itemsB, { alpha: 1 - RESULT_BOOTSTRAP.level }) };
  } catch (e) {
    // The statistics name the sides a and b; say which results they are.
    throw new Error(`${nameB} vs ${nameA} (a = ${nameA}, b = ${nameB}): ${(e as Error).message}`);
  }
}
