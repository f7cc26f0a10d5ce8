import { describe, expect, it } from 'vitest';
import { median, noiseBand, relativeSpread } from './stats.ts';

describe('stats', () => {
  it('takes medians of odd and even lists without reordering the input', () => {
    const xs = [5, 1, 3];
    expect(median(xs)).toBe(3);
    expect(xs).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/empty/);
  });

  it('measures spread relative to the median, zero for one sample', () => {
    expect(relativeSpread([40])).toBe(0);
    expect(relativeSpread([36, 40, 44])).toBeCloseTo(0.2, 12);
  });

  it('uses the wider side, never below the floor', () => {
    expect(noiseBand([40], [41], 0.1)).toBe(0.1);
    expect(noiseBand([36, 40, 44], [40], 0.1)).toBeCloseTo(0.2, 12);
    expect(noiseBand([40], [30, 40, 50], 0.1)).toBeCloseTo(0.5, 12);
  });
});
