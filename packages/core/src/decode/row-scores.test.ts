import { describe, expect, it } from 'vitest';
import { topKRange } from './row-scores.ts';

/** Reference: a stable descending sort of (value, index) pairs, then the first k. */
function reference(values: readonly number[], k: number): number[] {
  return values
    .map((v, i) => [v, i] as const)
    .sort((a, b) => (b[0] > a[0] ? 1 : b[0] < a[0] ? -1 : 0))
    .slice(0, k)
    .map(([, i]) => i);
}

describe('topKRange', () => {
  it('equals a stable descending sort on rows with many ties, offsets and -Infinity', () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(rand() * 60);
      const k = 1 + Math.floor(rand() * 14);
      const row = Array.from({ length: n }, () => (rand() < 0.1 ? -Infinity : Math.floor(rand() * 8)));
      const padded = [7, ...row, 9]; // the range excludes the padding
      const idx = new Int32Array(k + 2);
      const val = new Float64Array(k + 2);
      const at = 2; // write from an offset, as rows of a frame share one arena
      const count = topKRange(padded, 1, n + 1, k, idx, val, at);
      expect(count).toBe(Math.min(k, n));
      expect(Array.from(idx.subarray(at, at + count))).toEqual(reference(row, k));
    }
  });
});
