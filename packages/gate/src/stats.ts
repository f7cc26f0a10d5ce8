/**
 * Robust summaries of repeated timing samples. Timings are noisy, so the gate compares medians and
 * derives how far apart two medians may drift by chance from the spread of the repeats themselves.
 */

/** Median of a non-empty list (mean of the middle two for even lengths). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  // Non-null: mid and mid-1 are inside a non-empty sorted copy.
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** (max - min) / median: 0 for a single sample, so one run alone never widens the band. */
export function relativeSpread(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = median(values);
  if (m === 0) return 0;
  return (Math.max(...values) - Math.min(...values)) / Math.abs(m);
}

/**
 * Relative noise band for comparing two medians: the wider observed spread of either side, never
 * narrower than `floor` (a config with one repeat still needs some slack for machine jitter).
 */
export function noiseBand(current: readonly number[], baseline: readonly number[], floor: number): number {
  return Math.max(floor, relativeSpread(current), relativeSpread(baseline));
}
