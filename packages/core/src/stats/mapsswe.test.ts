import { describe, expect, it } from 'vitest';
import type { ErrorItem } from './items.ts';
import { mapsswe, mapssweSchema } from './mapsswe.ts';
import { erfc, twoSidedNormalP } from './normal.ts';
import { createPrng } from './prng.ts';

const items = (errors: readonly number[]): ErrorItem[] => errors.map((e, k) => ({ id: `s${k}`, errors: e, referenceLength: 10 }));

describe('normal tail', () => {
  it('matches erfc to 1e-7 and the 1.96 two-sided 5% point', () => {
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(1)).toBeCloseTo(0.157299207, 7);
    expect(erfc(-1)).toBeCloseTo(1.842700793, 7);
    expect(erfc(3)).toBeCloseTo(2.20905e-5, 9);
    expect(twoSidedNormalP(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedNormalP(0)).toBe(1);
  });
});

describe('mapsswe', () => {
  it('hand-checked: drops error-free segments, W = mean / (sd / sqrt n)', () => {
    // a = [2, 0, 3, 1], b = [1, 0, 1, 1]: segment 2 is error-free for both and dropped (SCTK count_seg).
    // b - a = [-1, -2, 0]: mean -1, sum of squares 2, variance 2 / 2 = 1, W = -1 / (1 / sqrt 3) = -sqrt 3.
    const m = mapsswe(items([2, 0, 3, 1]), items([1, 0, 1, 1]));
    expect(m.segments).toBe(3);
    expect(m.meanDiff).toBe(-1);
    expect(m.stdDev).toBe(1);
    expect(m.z).toBeCloseTo(-Math.sqrt(3), 12);
    expect(m.pValue).toBeCloseTo(0.0832645, 6); // 2 * (1 - Phi(sqrt 3))
    expect(m.significant).toBe(false);
    expect(mapssweSchema.parse(m)).toEqual(m);
  });

  it('identical inputs: W = 0, p = 1', () => {
    const m = mapsswe(items([1, 0, 2, 5]), items([1, 0, 2, 5]));
    expect([m.meanDiff, m.z, m.pValue, m.significant, m.zeroVariance]).toEqual([0, 0, 1, false, true]);
  });

  it('keeps SCTK`s zero-variance rule: a constant difference gives W = 0 (flagged)', () => {
    const m = mapsswe(items([1, 2, 3]), items([2, 3, 4]));
    expect([m.meanDiff, m.z, m.pValue, m.zeroVariance]).toEqual([1, 0, 1, true]);
  });

  it('a planted large difference is significant, with the sign of b - a', () => {
    const rng = createPrng(21);
    const a = items(Array.from({ length: 300 }, () => rng.int(4)));
    const b = a.map((x) => ({ ...x, errors: x.errors + rng.int(3) })); // +0, +1 or +2
    const m = mapsswe(a, b);
    expect(m.z).toBeGreaterThan(10);
    expect(m.pValue).toBeLessThan(1e-6);
    expect(m.significant).toBe(true);
    expect(mapsswe(b, a).z).toBeCloseTo(-m.z, 12);
  });

  it('no segment with an error: nothing to test, p = 1', () => {
    expect(mapsswe(items([0, 0]), items([0, 0]))).toMatchObject({ segments: 0, z: 0, pValue: 1 });
  });

  it('refuses a bad alpha and mismatched items, naming the fix', () => {
    expect(() => mapsswe(items([1]), items([1]), { alpha: 5 })).toThrow(/alpha must be in \(0, 1\), e.g. 0.05; got 5/);
    expect(() => mapsswe(items([1, 2]), items([1]))).toThrow(/mapsswe: a and b must score the same items; only in a: s1/);
  });
});
