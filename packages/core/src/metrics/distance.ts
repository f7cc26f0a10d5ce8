/**
 * Levenshtein distance alone (no alignment), bit-parallel and banded: the fast path where only the
 * number of edits matters. Ukkonen's doubling: try band half-width k = max(32, |n - m|), and double it
 * until the result is <= k, at which point it is exact (band-rows.ts: computed values are upper bounds,
 * exact when the true value is <= k). Memory is linear; time O(m * min(n, d) / 32).
 */
import { OUT_OF_BAND, advanceRows, rowValues } from './band-rows.ts';
import { PatternMasks, SymbolSlots } from './pattern-masks.ts';
import { denseIds } from './dense-ids.ts';

/** Distance of dense-id sequences with a band of half-width `max`; > max means "more than max". */
export function bandedDistance(a: Int32Array, b: Int32Array, slots: SymbolSlots, max: number): number {
  const pm = new PatternMasks(a, slots);
  try {
    const state = advanceRows(pm, b, b.length, max);
    const row = new Int32Array(a.length + 1);
    rowValues(state, a.length, row);
    return row[a.length]!;
  } finally {
    pm.release();
  }
}

/** Levenshtein distance (unit costs) of two symbol-id sequences; equal ids are equal symbols. */
export function levenshteinDistance(ref: ArrayLike<number>, hyp: ArrayLike<number>): number {
  const { a, b, symbolCount } = denseIds(ref, hyp);
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const x = a.subarray(pre, a.length - suf);
  const y = b.subarray(pre, b.length - suf);
  if (x.length === 0 || y.length === 0) return x.length + y.length;
  const slots = new SymbolSlots(symbolCount);
  const ceiling = Math.max(x.length, y.length);
  for (let k = Math.max(32, Math.abs(x.length - y.length)); ; k *= 2) {
    const band = Math.min(k, ceiling);
    const d = bandedDistance(x, y, slots, band);
    if (d <= band && d !== OUT_OF_BAND) return d;
  }
}
