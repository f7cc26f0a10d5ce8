import { describe, expect, it } from 'vitest';
import { bootstrapCi, pairedBootstrap, pairedComparisonSchema, quantileSorted, rateIntervalSchema } from './bootstrap.ts';
import type { ErrorItem } from './items.ts';
import { createPrng } from './prng.ts';

const item = (id: string, errors: number, referenceLength: number): ErrorItem => ({ id, errors, referenceLength });

/** A corpus with per-item errors ~ U{0..4} over 8-20 reference words. */
function corpus(n: number, seed: number): ErrorItem[] {
  const rng = createPrng(seed);
  return Array.from({ length: n }, (_, k) => item(`u${k}`, rng.int(5), 8 + rng.int(13)));
}

describe('quantileSorted', () => {
  it('interpolates between order statistics (type 7)', () => {
    const x = Float64Array.from([1, 2, 3, 4]);
    expect(quantileSorted(x, 0)).toBe(1);
    expect(quantileSorted(x, 1)).toBe(4);
    expect(quantileSorted(x, 0.5)).toBe(2.5);
    expect(quantileSorted(x, 0.25)).toBeCloseTo(1.75, 12);
  });
});

describe('bootstrapCi', () => {
  it('two items: the exact bootstrap distribution is {0.1: 1/4, 0.3: 1/2, 0.5: 1/4}, so the 95% interval is [0.1, 0.5]', () => {
    // Resampling 2 items with replacement: AA (1+1)/20, AB or BA (1+5)/20, BB (5+5)/20.
    const r = bootstrapCi([item('A', 1, 10), item('B', 5, 10)]);
    expect(r.rate).toBeCloseTo(0.3, 12);
    expect(r.low).toBeCloseTo(0.1, 12);
    expect(r.high).toBeCloseTo(0.5, 12);
    // A 40% interval (30th..70th percentile) lies inside the 0.3 atom, which holds half the mass.
    const mid = bootstrapCi([item('A', 1, 10), item('B', 5, 10)], { level: 0.4 });
    expect([mid.low, mid.high].map((x) => Number(x.toFixed(12)))).toEqual([0.3, 0.3]);
    expect(rateIntervalSchema.parse(r)).toEqual(r);
  });

  it('weights items by reference length (micro), in the rate and in every resample', () => {
    // AA 0/2, AB 1/10, BB 2/18: the interval runs from 0 to 1/9; the rate is 1/10, not the macro 1/18.
    const r = bootstrapCi([item('A', 0, 1), item('B', 1, 9)]);
    expect(r.rate).toBeCloseTo(0.1, 12);
    expect(r.low).toBe(0);
    expect(r.high).toBeCloseTo(1 / 9, 12);
  });

  it('one item: every resample is the item itself', () => {
    const r = bootstrapCi([item('A', 3, 12)], { resamples: 1000 });
    expect([r.low, r.rate, r.high]).toEqual([0.25, 0.25, 0.25]);
  });

  it('is deterministic per seed, and the seed matters', () => {
    const items = corpus(300, 1);
    expect(bootstrapCi(items, { seed: 5 })).toEqual(bootstrapCi(items, { seed: 5 }));
    expect(bootstrapCi(items, { seed: 5 }).low).not.toBe(bootstrapCi(items, { seed: 6 }).low);
  });

  it('brackets the rate and narrows as the corpus grows', () => {
    const small = bootstrapCi(corpus(100, 2));
    const large = bootstrapCi(corpus(1600, 2));
    for (const r of [small, large]) expect(r.low <= r.rate && r.rate <= r.high).toBe(true);
    // Width shrinks like 1/sqrt(n): 16x the items, about a quarter of the width.
    expect(large.high - large.low).toBeLessThan(0.4 * (small.high - small.low));
  });

  it('keeps empty references as jiwer 4 does: their insertions count, the rate is the corpus WER', () => {
    // 2 errors over 4 words, plus an empty reference with 2 insertions: WER (2 + 2) / 4 = 1.
    const ci = bootstrapCi([item('a', 2, 4), item('empty', 2, 0)], { resamples: 1000 });
    expect(ci.rate).toBe(1);
    // A resample that drew only the empty item (twice) has 4 insertions and rate 4, never NaN.
    expect(Number.isFinite(ci.low) && Number.isFinite(ci.high)).toBe(true);
    expect(ci.high).toBeLessThanOrEqual(4);
  });

  it('refuses bad input with messages naming the fix', () => {
    expect(() => bootstrapCi([])).toThrow(/no items; score at least one utterance/);
    expect(() => bootstrapCi([item('x', -1, 5)])).toThrow(/item x has errors -1; expected a non-negative integer/);
    expect(() => bootstrapCi([item('x', 1, 0)])).toThrow(/every item's reference is empty, so the error rate is undefined/);
    expect(() => bootstrapCi([item('x', 1, -2)])).toThrow(/item x has referenceLength -2; expected a non-negative integer/);
    expect(() => bootstrapCi([{ errors: 1.5, referenceLength: 3 }])).toThrow(/item #0 has errors 1.5/);
    expect(() => bootstrapCi([item('x', 1, 5)], { resamples: 200 })).toThrow(/resamples must be an integer >= 1000.*got 200/);
    expect(() => bootstrapCi([item('x', 1, 5)], { level: 95 })).toThrow(/level must be in \(0, 1\), e.g. 0.95; got 95/);
    expect(() => bootstrapCi([item('x', 1, 5)], { seed: 0.5 })).toThrow(/seed must be an integer; got 0.5/);
  });
});

describe('pairedBootstrap', () => {
  it('hand-checked: delta +10 pts, interval [0, +20], p about 0.5', () => {
    // u1: a 0, b 2 errors; u2: a 1, b 1; N = 10 each. Resamples: (u1,u1) -> +20 pts (1/4),
    // mixed -> +10 (1/2), (u2,u2) -> 0 (1/4). p = 2 * (1 + #{delta* <= 0}) / (B + 1) ~ 2 * 1/4.
    const c = pairedBootstrap([item('u1', 0, 10), item('u2', 1, 10)], [item('u1', 2, 10), item('u2', 1, 10)]);
    expect(c.deltaPts).toBeCloseTo(10, 12);
    expect([c.rateA, c.rateB]).toEqual([0.05, 0.15]);
    expect(c.ciLowPts).toBe(0);
    expect(c.ciHighPts).toBeCloseTo(20, 12);
    expect(c.pValue).toBeGreaterThan(0.44);
    expect(c.pValue).toBeLessThan(0.56);
    expect(c.significant).toBe(false);
    expect(pairedComparisonSchema.parse(c)).toEqual(c);
  });

  it('identical inputs: delta 0, interval [0, 0], p = 1', () => {
    const a = corpus(200, 3);
    const c = pairedBootstrap(a, a.map((x) => ({ ...x })));
    expect([c.deltaPts, c.ciLowPts, c.ciHighPts, c.pValue, c.significant]).toEqual([0, 0, 0, 1, false]);
  });

  it('a planted large difference is significant and its interval excludes 0', () => {
    const a = corpus(400, 4);
    const rng = createPrng(9);
    const b = a.map((x) => ({ ...x, errors: x.errors + (rng.int(10) < 3 ? 1 : 0) })); // +1 error on ~30% of items
    const c = pairedBootstrap(a, b);
    expect(c.deltaPts).toBeGreaterThan(1);
    expect(c.ciLowPts).toBeGreaterThan(0);
    expect(c.pValue).toBeLessThan(0.001);
    expect(c.significant).toBe(true);
    // Swapping the systems flips the sign and keeps p.
    const back = pairedBootstrap(b, a);
    expect(back.deltaPts).toBeCloseTo(-c.deltaPts, 12);
    expect(back.pValue).toBe(c.pValue);
  });

  it('noise without a real difference is not significant', () => {
    // Errors moved between neighbouring items: every item differs, the totals do not.
    const a = corpus(300, 5);
    const swapped = a.map((x, k) => ({ ...x, errors: a[k % 2 === 0 ? Math.min(k + 1, a.length - 1) : k - 1]!.errors }));
    const c = pairedBootstrap(a, swapped);
    expect(c.deltaPts).toBeCloseTo(0, 12);
    expect(c.ciLowPts).toBeLessThan(0);
    expect(c.ciHighPts).toBeGreaterThan(0);
    expect(c.significant).toBe(false);
    // One extra error in 300 items is real but far too small to show.
    const one = pairedBootstrap(a, a.map((x, k) => ({ ...x, errors: x.errors + (k === 7 ? 1 : 0) })));
    expect(one.deltaPts).toBeGreaterThan(0);
    expect(one.significant).toBe(false);
  });

  it('pairs by id, not by position', () => {
    const a = corpus(50, 6);
    const b = a.map((x, k) => ({ ...x, errors: x.errors + (k % 3) }));
    const shuffled = [...b].reverse();
    expect(pairedBootstrap(a, shuffled)).toEqual(pairedBootstrap(a, b));
  });

  it('refuses items that do not match, naming the ids', () => {
    const a = [item('u1', 1, 5), item('u2', 0, 5)];
    expect(() => pairedBootstrap(a, [item('u1', 1, 5), item('u3', 0, 5)])).toThrow(/same items; only in a: u2; only in b: u3/);
    expect(() => pairedBootstrap(a, [item('u1', 1, 5)])).toThrow(/only in a: u2$/);
    expect(() => pairedBootstrap(a, [item('u1', 1, 5), item('u1', 0, 5)])).toThrow(/id u1 appears twice in b/);
    expect(() => pairedBootstrap([{ errors: 1, referenceLength: 5 }], a)).toThrow(/item #0 of a has no id/);
    expect(() => pairedBootstrap(a, [item('u1', 1, 6), item('u2', 0, 5)])).toThrow(/item u1 has referenceLength 5 in a and 6 in b; compare results scored against the same references with the same normaliser/);
    const many = Array.from({ length: 8 }, (_, k) => item(`x${k}`, 0, 3));
    expect(() => pairedBootstrap(a.concat(many), a)).toThrow(/only in a: x0, x1, x2, x3, x4, \.\.\. \(8 in all\)/);
  });
});
