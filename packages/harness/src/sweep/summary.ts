import type { BenchResult, TimestampComparison } from '@parakeet-bench/core';
import {
  REFERENCE_COMPARISON_METHOD,
  batchLabel,
  comparisonGroups,
  compareTimestamps,
  compareWithReference,
  decoderSlug,
  formatReferenceComparison,
  strategySlug,
  threadsLabel,
  worstCosine,
} from '@parakeet-bench/core';

const pct = (x: number | undefined): string => (x === undefined ? '-' : `${(x * 100).toFixed(2)}%`);

const mib = (b: number | undefined): string => (b === undefined ? '-' : `${(b / 2 ** 20).toFixed(0)} MiB`);

/** `12/80 ms`: median and p95 word-start difference from the oracle over hit words, or `-`. */
function timestampCell(t: TimestampComparison | undefined): string {
  const a = t?.overall;
  return a ? `${Math.round(a.medianStartDiffMs)}/${Math.round(a.p95StartDiffMs)} ms` : '-';
}

/** A plain-text table of results, grouped by dataset, for the end of `bench run`. */
export function formatSummaryTable(results: readonly BenchResult[], referenceVariant?: string): string {
  const header = ['dataset', 'variant', 'backend', 'decoder', 'status', 'WER', 'CER', 'WER 95% CI', 'worst section', 'word start p50/p95', 'RTFx', 'load', 'runtime', 'model', 'peak', 'enc cos'];
  const timestamps = new Map(compareTimestamps(results, referenceVariant === undefined ? {} : { referenceVariant }).map((t) => [t.candidate, t]));
  const ci = (r: BenchResult): string => {
    const i = r.accuracy?.werCi;
    return i ? `[${(100 * i.low).toFixed(2)}, ${(100 * i.high).toFixed(2)}]` : '-';
  };
  const rows = [...results]
    .sort((a, b) => a.config.dataset.localeCompare(b.config.dataset) || a.config.id.localeCompare(b.config.id))
    .map((r) => [
      r.config.dataset,
      r.config.variant,
      `${r.config.backend} ${threadsLabel(r.config.threads)}${r.config.loader ? ` ${r.config.loader}` : ''}`,
      [decoderSlug(r.config.decoder), ...(r.config.longStrategy ? [strategySlug(r.config.longStrategy)] : [])].join(' ') + batchLabel(r.config, ' '),
      r.status,
      pct(r.accuracy?.wer),
      pct(r.accuracy?.cer),
      ci(r),
      r.longPass ? `#${r.longPass.worstSectionIndex} ${pct(r.longPass.worstSectionWer)}` : '-',
      timestampCell(timestamps.get(r)),
      r.timing ? r.timing.rtfx.toFixed(1) : '-',
      r.timing ? `${(r.timing.loadMs / 1000).toFixed(1)} s` : '-',
      mib(r.memory?.runtimeBaselineRssBytes),
      mib(r.memory?.modelBytes),
      mib(r.memory?.inferencePeakBytes),
      r.encoderFidelity ? worstCosine(r.encoderFidelity).cosine.toFixed(4) : '-',
    ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]): string => cells.map((x, c) => x.padEnd(widths[c]!)).join('  ').trimEnd();
  const failures = results.filter((r) => r.status !== 'ok').map((r) => `  ${r.config.id}: ${r.status}: ${r.error?.message.split('\n')[0] ?? ''}`);
  const legend = results.some((r) => r.memory?.inferencePeakBytes !== undefined || r.encoderFidelity)
    ? ['', 'runtime: RSS once the runtime ran a trivial session; model: RSS the loaded model added; peak: inference peak above the runtime (model included); enc cos: encoder output vs the oracle\'s, worst 60 s section (long) or overall']
    : [];
  const timing = [...timestamps.values()].some((t) => t.overall)
    ? ['', 'word start p50/p95: median and 95th percentile of |word start - reference word start| over words both transcripts share (long pass: the fp32 oracle on each section alone; corpus: the reference variant)']
    : [];
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ...legend, ...timing, ...profileLines(results), ...(failures.length ? ['', 'not ok:', ...failures] : [])].join('\n');
}

/** One line per profiled config: inference peak (and model) per prefix of the recording. */
function profileLines(results: readonly BenchResult[]): string[] {
  const profiled = results.filter((r) => r.memoryProfile);
  if (profiled.length === 0) return [];
  const lines = ['', 'memory profile (inference peak above the runtime baseline, per prefix of the recording; model in brackets):'];
  for (const r of profiled) {
    const points = r.memoryProfile!.points.map((p) =>
      p.status === 'ok' ? `${p.audioSec} s ${mib(p.memory?.inferencePeakBytes)} (${mib(p.memory?.modelBytes)})` : `${p.audioSec} s ${p.status}`,
    );
    lines.push(`  ${r.config.dataset} ${r.config.variant} ${r.config.backend} ${threadsLabel(r.config.threads)}${r.config.loader ? ` ${r.config.loader}` : ''}: ${points.join(', ')}`);
  }
  return lines;
}

/**
 * The paired WER comparisons of the results against `referenceVariant` (default: each result's
 * `compareTo`), one line per config under a heading per dataset and setting; empty when there are none.
 */
export function formatComparisonLines(results: readonly BenchResult[], referenceVariant?: string): string {
  const { comparisons } = compareWithReference(results, referenceVariant === undefined ? {} : { referenceVariant });
  if (comparisons.length === 0) return '';
  const lines = [`paired WER against the reference (${REFERENCE_COMPARISON_METHOD}):`];
  for (const g of comparisonGroups(comparisons)) {
    lines.push(`  ${g.dataset} · ${g.setting}`, ...g.comparisons.map((c) => `    ${formatReferenceComparison(c)}`));
  }
  return lines.join('\n');
}
