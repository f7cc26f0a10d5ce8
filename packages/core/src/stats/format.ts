/** One-line renderings of the statistics for summaries, markdown and logs. */
import type { PairedComparison, RateInterval } from './bootstrap.ts';
import type { MapssweResult } from './mapsswe.ts';

/** `+0.02`, `-0.05`, and `0.00` (never a signed zero: -0.00 reads as a direction that is not there). */
export function formatSigned(x: number, digits = 2): string {
  const s = x.toFixed(digits);
  if (Number(s) === 0) return (0).toFixed(digits);
  return x > 0 ? `+${s}` : s;
}

/** "p = 0.61", "p = 0.004", "p < 0.001". */
export function formatPValue(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

/** E.g. "fp16 vs fp32: +0.02 pts [-0.05, +0.09], p = 0.61, not significant" (b's label first). */
export function formatPairedComparison(labelB: string, labelA: string, c: PairedComparison, digits = 2): string {
  const verdict = c.significant ? 'significant' : 'not significant';
  return `${labelB} vs ${labelA}: ${formatSigned(c.deltaPts, digits)} pts [${formatSigned(c.ciLowPts, digits)}, ${formatSigned(c.ciHighPts, digits)}], ${formatPValue(c.pValue)}, ${verdict}`;
}

/** E.g. "5.12% [4.80, 5.45]" (95% interval, in percent). */
export function formatRateInterval(r: RateInterval, digits = 2): string {
  return `${(100 * r.rate).toFixed(digits)}% [${(100 * r.low).toFixed(digits)}, ${(100 * r.high).toFixed(digits)}]`;
}

/** E.g. "MAPSSWE: 412 segments, mean b - a +0.08 errors/segment, z = 1.93, p = 0.054, not significant". */
export function formatMapsswe(m: MapssweResult): string {
  const verdict = m.significant ? 'significant' : 'not significant';
  return `MAPSSWE: ${m.segments} segments, mean b - a ${formatSigned(m.meanDiff, 2)} errors/segment, z = ${m.z.toFixed(2)}, ${formatPValue(m.pValue)}, ${verdict}`;
}
