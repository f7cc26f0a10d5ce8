import { describe, expect, it } from 'vitest';
import { alignIds, alignTokens } from './align.ts';

const w = (s: string): string[] => (s === '' ? [] : s.split(' '));

/** Plain O(n*m) Levenshtein distance, independent of align.ts, to check totals on random input. */
function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

describe('alignTokens', () => {
  it('hand-checked: one substitution and one deletion', () => {
    // ref: the cat sat on the mat / hyp: the cat sit on mat
    // common prefix "the cat", common suffix "mat"; middle [sat on the] vs [sit on]:
    // sat->sit (S), on=on (H), "the" deleted (D). H = 2 + 1 + 1 = 4, S = 1, D = 1, I = 0.
    const a = alignTokens(w('the cat sat on the mat'), w('the cat sit on mat'));
    expect(a.counts).toEqual({ hits: 4, substitutions: 1, deletions: 1, insertions: 0, referenceLength: 6 });
    expect(a.chunks).toEqual([
      { type: 'equal', refStart: 0, refEnd: 2, hypStart: 0, hypEnd: 2 },
      { type: 'substitute', refStart: 2, refEnd: 3, hypStart: 2, hypEnd: 3 },
      { type: 'equal', refStart: 3, refEnd: 4, hypStart: 3, hypEnd: 4 },
      { type: 'delete', refStart: 4, refEnd: 5, hypStart: 4, hypEnd: 4 },
      { type: 'equal', refStart: 5, refEnd: 6, hypStart: 4, hypEnd: 5 },
    ]);
  });

  it('tie "a b" vs "b a": rapidfuzz backtracking picks insert + delete over two substitutions', () => {
    // D[2][2] = 2 = D[1][2] + 1 -> delete "b"; at (1,2): D[1][2]=1 is not D[0][2]+1, row -> 1,
    // D[1][1]=1 is not D[0][1]-1 -> diagonal "a"="a"; the leftover hyp "b" is an insertion.
    const a = alignTokens(w('a b'), w('b a'));
    expect(a.counts).toEqual({ hits: 1, substitutions: 0, deletions: 1, insertions: 1, referenceLength: 2 });
    expect(a.chunks.map((c) => c.type)).toEqual(['insert', 'equal', 'delete']);
  });

  it('tie "a b c" vs "x": deletions are taken from the end, the substitution at the start', () => {
    const a = alignTokens(w('a b c'), w('x'));
    expect(a.counts).toEqual({ hits: 0, substitutions: 1, deletions: 2, insertions: 0, referenceLength: 3 });
    expect(a.chunks).toEqual([
      { type: 'substitute', refStart: 0, refEnd: 1, hypStart: 0, hypEnd: 1 },
      { type: 'delete', refStart: 1, refEnd: 3, hypStart: 1, hypEnd: 1 },
    ]);
  });

  it('tie "a" vs "x y z": the substitution lands on the LAST hyp word, insertions first', () => {
    // (1,3): D=3 is not D[0][3]+1=4; row -> 2: D[1][2]=2 is not D[0][2]-1 -> diagonal a/z.
    const a = alignTokens(w('a'), w('x y z'));
    expect(a.chunks).toEqual([
      { type: 'insert', refStart: 0, refEnd: 0, hypStart: 0, hypEnd: 2 },
      { type: 'substitute', refStart: 0, refEnd: 1, hypStart: 2, hypEnd: 3 },
    ]);
  });

  it('handles empty sides', () => {
    expect(alignTokens([], w('a b')).counts).toEqual({ hits: 0, substitutions: 0, deletions: 0, insertions: 2, referenceLength: 0 });
    expect(alignTokens(w('a b'), []).chunks).toEqual([{ type: 'delete', refStart: 0, refEnd: 2, hypStart: 0, hypEnd: 0 }]);
    expect(alignTokens([], []).chunks).toEqual([]);
  });

  it('on random input: S+D+I is the Levenshtein distance and chunks tile both sequences', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 300; k++) {
      const a = Array.from({ length: rnd(12) }, () => rnd(4));
      const b = Array.from({ length: rnd(12) }, () => rnd(4));
      const { counts, chunks } = alignIds(a, b);
      expect(counts.substitutions + counts.deletions + counts.insertions).toBe(distance(a, b));
      expect(counts.hits + counts.substitutions + counts.deletions).toBe(a.length);
      expect(counts.hits + counts.substitutions + counts.insertions).toBe(b.length);
      let r = 0;
      let h = 0;
      for (const c of chunks) {
        expect([c.refStart, c.hypStart]).toEqual([r, h]);
        if (c.type === 'equal') expect(a.slice(c.refStart, c.refEnd)).toEqual(b.slice(c.hypStart, c.hypEnd));
        r = c.refEnd;
        h = c.hypEnd;
      }
      expect([r, h]).toEqual([a.length, b.length]);
    }
  });

  // Speed is not asserted here (timed unit tests flake on a loaded machine); this checks the large
  // case stays consistent.
  it('aligns 1000 x 1000 words consistently', () => {
    const vocab = Array.from({ length: 300 }, (_, i) => `w${i}`);
    const ref = Array.from({ length: 1000 }, (_, i) => vocab[(i * 7919) % 300]!);
    // Every 10th word substituted and every 25th dropped, so affix stripping cannot shortcut it.
    const hyp = ref.map((x, i) => (i % 10 === 0 ? `x${i}` : x)).filter((_, i) => i % 25 !== 3);
    while (hyp.length < 1000) hyp.push('extra');
    const a = alignTokens(ref, hyp);
    const c = a.counts;
    expect(c.referenceLength).toBe(1000);
    expect(c.hits + c.substitutions + c.deletions).toBe(1000);
    expect(c.hits + c.substitutions + c.insertions).toBe(hyp.length);
    // 100 substitutions + 40 drops + 40 padding words bound the edit distance from above
    expect(c.substitutions + c.deletions + c.insertions).toBeLessThanOrEqual(180);
    expect(c.substitutions).toBeGreaterThanOrEqual(100);
  });

  // Before the linear-memory rewrite this threw "20000 x 20000 alignment needs ... cells"; aligning at
  // any length is now the contract (issue 13).
  it('aligns 20000 x 20000 tokens that the old cell limit refused', () => {
    const big = new Int32Array(20000);
    const other = new Int32Array(20000).fill(1);
    const a = alignIds(big, other);
    expect(a.counts).toEqual({ hits: 0, substitutions: 20000, deletions: 0, insertions: 0, referenceLength: 20000 });
    expect(a.chunks).toEqual([{ type: 'substitute', refStart: 0, refEnd: 20000, hypStart: 0, hypEnd: 20000 }]);
  });
});
