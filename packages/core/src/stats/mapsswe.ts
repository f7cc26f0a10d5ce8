/**
 * Matched-pairs sentence-segment word error test (MAPSSWE; Gillick & Cox 1989, as NIST's SCTK runs it
 * in `sc_stats -t mapsswe`). Followed from SCTK src/sclite/mtchprs.c (`do_mtch_pairs_on_sys`,
 * `count_seg`) and src/sclite/statdist.c (`calc_mean_var_std_dev_Zstat`):
 *
 * - per segment i, Z_i = errors of one system minus the other's (S + D + I in the segment);
 * - segments where BOTH systems are error-free are dropped (`count_seg` does not count them);
 * - mean = sum(Z) / n, variance = sum((Z - mean)^2) / (n - 1), W = mean / (sd / sqrt(n));
 * - when the squared deviations sum to 0 SCTK sets W = 0 (so also when every segment differs by the
 *   same non-zero amount: an SCTK quirk kept here, flagged by `zeroVariance`);
 * - p = 2 * (1 - Phi(|W|)) (SCTK's `conf`), normal approximation; significant when p < alpha.
 *
 * Segments: SCTK cuts each sentence where both systems have >= 2 consecutive correct words, which needs
 * both alignments. Here a segment is one scored item (utterance or section), the coarser cut the
 * per-item counts in results allow; the test is the same, with fewer, longer segments.
 * Sign: SCTK reports sys1 - sys2; here meanDiff is b - a, like the bootstrap delta.
 */
import { z } from 'zod';
import { pairItems, type ErrorItem } from './items.ts';
import { twoSidedNormalP } from './normal.ts';

/** Options of {@link mapsswe}. */
export interface MapssweOptions {
  /** Significance level (default 0.05, SCTK's 95% test). */
  alpha?: number;
}

/** Result of {@link mapsswe}. */
export const mapssweSchema = z.object({
  /** Segments used: items where at least one system made an error. */
  segments: z.number().int().nonnegative(),
  /** Mean per-segment error-count difference, b - a. */
  meanDiff: z.number(),
  stdDev: z.number().nonnegative(),
  /** W statistic (standard normal under H0), sign of b - a. */
  z: z.number(),
  pValue: z.number().min(0).max(1),
  significant: z.boolean(),
  zeroVariance: z.boolean(),
  alpha: z.number().gt(0).lt(1),
});
/** See {@link mapssweSchema}. */
export type MapssweResult = z.infer<typeof mapssweSchema>;

/** MAPSSWE on two systems' per-item word errors over the same items (matched by id, checked). */
export function mapsswe(a: readonly ErrorItem[], b: readonly ErrorItem[], opts: MapssweOptions = {}): MapssweResult {
  const alpha = opts.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new Error(`mapsswe: alpha must be in (0, 1), e.g. 0.05; got ${alpha}`);
  const { errorsA, errorsB } = pairItems(a, b, 'mapsswe');
  const diffs: number[] = [];
  for (let k = 0; k < errorsA.length; k++) {
    if (errorsA[k] === 0 && errorsB[k] === 0) continue;
    diffs.push(errorsB[k]! - errorsA[k]!);
  }
  const n = diffs.length;
  const mean = n === 0 ? 0 : diffs.reduce((s, d) => s + d, 0) / n;
  const ss = diffs.reduce((s, d) => s + (d - mean) * (d - mean), 0);
  const zeroVariance = ss === 0;
  const stdDev = zeroVariance ? 0 : Math.sqrt(ss / (n - 1));
  const w = zeroVariance ? 0 : mean / (stdDev / Math.sqrt(n));
  const pValue = twoSidedNormalP(w);
  return { segments: n, meanDiff: mean, stdDev, z: w, pValue, significant: pValue < alpha, zeroVariance, alpha };
}
