import { describe, expect, it } from 'vitest';
import type { PairedComparison } from './bootstrap.ts';
import { formatMapsswe, formatPValue, formatPairedComparison, formatRateInterval } from './format.ts';

const base: PairedComparison = { rateA: 0.0505, rateB: 0.0507, deltaPts: 0.02, ciLowPts: -0.05, ciHighPts: 0.09, pValue: 0.61, significant: false, level: 0.95, resamples: 2000, seed: 0, items: 350 };

describe('formatters', () => {
  it('prints the issue`s example line', () => {
    expect(formatPairedComparison('fp16', 'fp32', base)).toBe('fp16 vs fp32: +0.02 pts [-0.05, +0.09], p = 0.61, not significant');
  });

  it('prints significant rises, small p-values and never a signed zero', () => {
    const c = { ...base, deltaPts: 0.4, ciLowPts: 0.21, ciHighPts: 0.6, pValue: 0.0004, significant: true };
    expect(formatPairedComparison('int8', 'fp32', c)).toBe('int8 vs fp32: +0.40 pts [+0.21, +0.60], p < 0.001, significant');
    expect(formatPairedComparison('b', 'a', { ...base, deltaPts: -0.001, ciLowPts: -0.3 })).toBe('b vs a: 0.00 pts [-0.30, +0.09], p = 0.61, not significant');
    expect(formatPValue(0.0042)).toBe('p = 0.004');
    expect(formatPValue(1)).toBe('p = 1.00');
  });

  it('prints a rate interval in percent and a MAPSSWE line', () => {
    expect(formatRateInterval({ rate: 0.0512, low: 0.048, high: 0.0545, level: 0.95, resamples: 2000, seed: 0, items: 350 })).toBe('5.12% [4.80, 5.45]');
    expect(formatMapsswe({ segments: 412, meanDiff: 0.081, stdDev: 0.9, z: 1.93, pValue: 0.054, significant: false, zeroVariance: false, alpha: 0.05 })).toBe(
      'MAPSSWE: 412 segments, mean b - a +0.08 errors/segment, z = 1.93, p = 0.05, not significant',
    );
  });
});
