/**
 * The unit every statistic here resamples or pairs: one scored item (an utterance, or one section of
 * a long pass) reduced to its edit count and reference length, for words or for characters.
 */
import type { ErrorCounts } from '../schema.ts';

/** One scored item: errors = S + D + I, referenceLength = N (words or characters). */
export interface ErrorItem {
  /** Utterance or section id; required for paired statistics, which match items by it. */
  id?: string;
  errors: number;
  referenceLength: number;
}

/** Which counts of a scored utterance to use. */
export type ErrorUnit = 'words' | 'chars';

/** Items from scored utterances or sections (`UtteranceResult` / `SectionResult`): S + D + I and N. */
export function errorItems(scored: readonly { id: string; words: ErrorCounts; chars: ErrorCounts }[], unit: ErrorUnit): ErrorItem[] {
  return scored.map((u) => {
    const c = u[unit];
    return { id: u.id, errors: c.substitutions + c.deletions + c.insertions, referenceLength: c.referenceLength };
  });
}

/** Validated items as typed arrays (the form the resampling loops read). */
export interface ItemArrays {
  errors: Float64Array;
  referenceLength: Float64Array;
}

/**
 * Checks counts (non-negative integers) and copies them into typed arrays. An item with an empty
 * reference (N = 0) is kept, as jiwer 4 and sclite keep it: its insertions count; only a set whose
 * references are ALL empty has no rate and is refused.
 */
export function itemArrays(items: readonly ErrorItem[], what: string): ItemArrays {
  if (items.length === 0) throw new Error(`${what}: no items; score at least one utterance (or section) first`);
  const errors = new Float64Array(items.length);
  const referenceLength = new Float64Array(items.length);
  let total = 0;
  items.forEach((it, k) => {
    const name = it.id ?? `#${k}`;
    if (!Number.isInteger(it.errors) || it.errors < 0) throw new Error(`${what}: item ${name} has errors ${it.errors}; expected a non-negative integer (S + D + I)`);
    if (!Number.isInteger(it.referenceLength) || it.referenceLength < 0) {
      throw new Error(`${what}: item ${name} has referenceLength ${it.referenceLength}; expected a non-negative integer`);
    }
    errors[k] = it.errors;
    referenceLength[k] = it.referenceLength;
    total += it.referenceLength;
  });
  if (total === 0) throw new Error(`${what}: every item's reference is empty, so the error rate is undefined`);
  return { errors, referenceLength };
}

/**
 * errors / N, with jiwer 4's rule for an empty reference (N = 0: the errors themselves), so a
 * resample that drew only empty references still has a finite rate.
 */
export function ratio(errors: number, referenceLength: number): number {
  return referenceLength > 0 ? errors / referenceLength : errors;
}

/** Two systems' counts on the same items, in a's order. */
export interface PairedArrays {
  errorsA: Float64Array;
  errorsB: Float64Array;
  referenceLength: Float64Array;
}

const preview = (ids: readonly string[]): string => ids.slice(0, 5).join(', ') + (ids.length > 5 ? `, ... (${ids.length} in all)` : '');

/**
 * Matches b's items to a's by id and checks they are the same items: every id present once on each
 * side, with the same reference length (a different N means a different reference or normaliser).
 */
export function pairItems(a: readonly ErrorItem[], b: readonly ErrorItem[], what: string): PairedArrays {
  const ca = itemArrays(a, `${what} (a)`);
  const cb = itemArrays(b, `${what} (b)`);
  const index = (items: readonly ErrorItem[], side: string): Map<string, number> => {
    const m = new Map<string, number>();
    items.forEach((it, k) => {
      if (it.id === undefined) throw new Error(`${what}: item #${k} of ${side} has no id; paired statistics match items by id`);
      if (m.has(it.id)) throw new Error(`${what}: id ${it.id} appears twice in ${side}; ids must be unique`);
      m.set(it.id, k);
    });
    return m;
  };
  const ia = index(a, 'a');
  const ib = index(b, 'b');
  const onlyA = [...ia.keys()].filter((id) => !ib.has(id));
  const onlyB = [...ib.keys()].filter((id) => !ia.has(id));
  if (onlyA.length > 0 || onlyB.length > 0) {
    const parts = [onlyA.length ? `only in a: ${preview(onlyA)}` : '', onlyB.length ? `only in b: ${preview(onlyB)}` : ''].filter(Boolean);
    throw new Error(`${what}: a and b must score the same items; ${parts.join('; ')}`);
  }
  const errorsB = new Float64Array(a.length);
  for (const [id, ka] of ia) {
    const kb = ib.get(id)!;
    if (ca.referenceLength[ka] !== cb.referenceLength[kb]) {
      throw new Error(`${what}: item ${id} has referenceLength ${ca.referenceLength[ka]} in a and ${cb.referenceLength[kb]} in b; compare results scored against the same references with the same normaliser`);
    }
    errorsB[ka] = cb.errors[kb]!;
  }
  return { errorsA: ca.errors, errorsB, referenceLength: ca.referenceLength };
}
