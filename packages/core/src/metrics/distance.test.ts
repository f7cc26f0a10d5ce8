import { describe, expect, it } from 'vitest';
import { makePair } from '../../bench/pairs.ts';
import { createPrng } from '../stats/prng.ts';
import { alignIds } from './align.ts';
import { levenshteinDistance } from './distance.ts';

function plainDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

describe('levenshteinDistance', () => {
  it('hand-checked small cases and empty sides', () => {
    expect(levenshteinDistance([1, 2, 3], [1, 3])).toBe(1);
    expect(levenshteinDistance([1, 2], [2, 1])).toBe(2);
    expect(levenshteinDistance([], [5, 6, 7])).toBe(3);
    expect(levenshteinDistance([5, 6], [])).toBe(2);
    expect(levenshteinDistance([], [])).toBe(0);
  });

  it('equals the plain DP on random pairs, with and without band doubling', () => {
    const rng = createPrng(5);
    for (let k = 0; k < 200; k++) {
      const { ref, hyp } = makePair({ seed: rng.nextUint32(), length: rng.int(300), vocab: 2 + rng.int(30), errorPermille: rng.int(1000), junk: rng.int(4) === 0 ? rng.int(200) : 0 });
      expect(levenshteinDistance(ref, hyp)).toBe(plainDistance(ref, hyp));
    }
  });

  it('scores long inputs with many distinct tokens (sparse pattern masks) like the aligner', () => {
    // 12000 distinct ids x 375 blocks exceeds the dense mask budget, so masks come from occurrence lists.
    const ref = Array.from({ length: 12000 }, (_, i) => i);
    const hyp = ref.map((t, i) => (i % 97 === 5 ? -1 - i : t)).filter((_, i) => i % 211 !== 7);
    const d = levenshteinDistance(ref, hyp);
    const c = alignIds(ref, hyp).counts;
    expect(d).toBe(c.substitutions + c.deletions + c.insertions);
    // 124 positions with i % 97 === 5 are replaced and 57 with i % 211 === 7 dropped; i = 3594 is both,
    // so it counts once, as a deletion: 123 S + 57 D.
    expect(c).toMatchObject({ substitutions: 123, deletions: 57, insertions: 0 });
    expect(d).toBe(180);
  });
});
