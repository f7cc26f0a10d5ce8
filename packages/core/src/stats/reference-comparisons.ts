/**
 * Per dataset, each config against its reference config: the reference variant with the same
 * backend, threads and decoder. Computed from result JSON only, so the harness summary, summary.md
 * and the dashboard print the very same numbers.
 */
import { batchLabel, decoderSlug, strategySlug, threadsLabel } from '../config-id.ts';
import type { BenchConfig, BenchResult } from '../schema.ts';
import { batchSizeOf } from '../schema.ts';
import { formatPValue, formatPairedComparison } from './format.ts';
import { pairedWer } from './result-pairs.ts';
import type { PairedWer } from './result-pairs.ts';

/** How every comparison is made, for the heading of a list of them. */
export const REFERENCE_COMPARISON_METHOD =
  'delta WER in points (candidate minus reference) over the same utterances (long pass: sections), 95% paired-bootstrap interval and two-sided p ' +
  '(2000 resamples, seed 0); MAPSSWE p as a second opinion; significant = p < 0.05, one test per line, not corrected for multiple comparisons';

/** One config against its reference config. */
export interface ReferenceComparison {
  readonly dataset: string;
  /** The config compared (b). */
  readonly candidate: BenchResult;
  /** The reference config's variant (a). */
  readonly referenceVariant: string;
  /** The reference config's result, when the results hold it. */
  readonly reference?: BenchResult;
  /** The statistics, when both could be paired. */
  readonly wer?: PairedWer;
  /** Why there are no statistics (reference missing or not ok, normalisers or items differ). */
  readonly skipped?: string;
}

/** Options of {@link compareWithReference}. */
export interface ReferenceOptions {
  /** Reference variant for every config; default: each result's own `compareTo`. */
  readonly referenceVariant?: string;
}

/** What {@link compareWithReference} found. */
export interface ReferenceComparisons {
  /** Ok configs other than their reference, in dataset order, then input order. */
  readonly comparisons: ReferenceComparison[];
  /** Ok results that name no reference variant (written before `compareTo` existed, no override). */
  readonly withoutReference: BenchResult[];
}

/** Same backend, threads, decoder, long-audio strategy and batch size (what a comparison holds fixed). */
export function sameSetting(a: BenchConfig, b: BenchConfig): boolean {
  return (
    a.backend === b.backend &&
    a.threads === b.threads &&
    JSON.stringify(a.decoder) === JSON.stringify(b.decoder) &&
    strategySlug(a.longStrategy) === strategySlug(b.longStrategy) &&
    batchSizeOf(a) === batchSizeOf(b)
  );
}

/** `node-cpu · 1 thread · greedy` (plus `· chunked-w60-o10`): what a comparison holds fixed besides the dataset. */
export function comparisonSetting(c: BenchConfig): string {
  return [c.backend, threadsLabel(c.threads), decoderSlug(c.decoder), ...(c.longStrategy ? [strategySlug(c.longStrategy)] : [])].join(' · ') + batchLabel(c);
}

/**
 * Compares every ok result with the result of its reference variant on the same dataset, backend,
 * threads and decoder. Failed configs are not compared; the reference itself is not compared with
 * itself; a missing or failed reference, or results that cannot be paired, give a `skipped` reason.
 */
export function compareWithReference(results: readonly BenchResult[], options: ReferenceOptions = {}): ReferenceComparisons {
  const comparisons: ReferenceComparison[] = [];
  const withoutReference: BenchResult[] = [];
  const datasets = [...new Set(results.map((r) => r.config.dataset))].sort();
  for (const dataset of datasets) {
    const here = results.filter((r) => r.config.dataset === dataset);
    for (const candidate of here) {
      if (candidate.status !== 'ok') continue;
      const referenceVariant = options.referenceVariant ?? candidate.compareTo;
      if (referenceVariant === undefined) {
        withoutReference.push(candidate);
        continue;
      }
      if (candidate.config.variant === referenceVariant) continue;
      const reference = here.find((r) => r.config.variant === referenceVariant && sameSetting(r.config, candidate.config));
      const base = { dataset, candidate, referenceVariant };
      if (!reference) {
        comparisons.push({ ...base, skipped: `no ${referenceVariant} result with ${comparisonSetting(candidate.config)} in these results` });
        continue;
      }
      try {
        comparisons.push({ ...base, reference, wer: pairedWer(reference, candidate) });
      } catch (e) {
        comparisons.push({ ...base, reference, skipped: (e as Error).message });
      }
    }
  }
  return { comparisons, withoutReference };
}

/** Comparisons of one dataset and one (backend, threads, decoder) setting. */
export interface ComparisonGroup {
  readonly dataset: string;
  /** {@link comparisonSetting} of the group. */
  readonly setting: string;
  readonly comparisons: ReferenceComparison[];
}

/** Comparisons grouped by dataset, then setting, in the order they came. */
export function comparisonGroups(comparisons: readonly ReferenceComparison[]): ComparisonGroup[] {
  const groups = new Map<string, ComparisonGroup>();
  for (const c of comparisons) {
    const setting = comparisonSetting(c.candidate.config);
    const key = JSON.stringify([c.dataset, setting]);
    const group = groups.get(key) ?? { dataset: c.dataset, setting, comparisons: [] };
    group.comparisons.push(c);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * One line: `fp16 vs fp32: +0.02 pts [-0.05, +0.09], p = 0.61, not significant; MAPSSWE p = 0.58`,
 * or `fp16 vs fp32: not compared (<reason>)`.
 */
export function formatReferenceComparison(c: ReferenceComparison): string {
  const b = c.candidate.config.variant;
  if (!c.wer) return `${b} vs ${c.referenceVariant}: not compared (${c.skipped ?? 'no statistics'})`;
  const m = c.wer.mapsswe;
  return `${formatPairedComparison(b, c.referenceVariant, c.wer.bootstrap)}; MAPSSWE ${formatPValue(m.pValue)}${m.significant ? ' (significant)' : ''}`;
}
