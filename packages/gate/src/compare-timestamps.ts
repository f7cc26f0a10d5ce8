/**
 * Word-timestamp agreement, gated like WER: the current run's median and p95 word-start difference
 * from the oracle (and each long-pass section's p95) against the baseline's, with warn/fail limits on
 * the rise in milliseconds. Each side's agreement comes from its own results (core's
 * `compareTimestamps`: a corpus config against its reference config in the same run), so the gate
 * reads result JSON only, like every report.
 */
import type { BenchResult, TimestampAgreement, TimestampComparison } from '@parakeet-bench/core';
import { compareTimestamps } from '@parakeet-bench/core';
import { pointsVerdict } from './compare-accuracy.ts';
import type { GateRow } from './report.ts';
import type { GateRules } from './rules.ts';

type Limits = { warn: number; fail: number };

/** The agreement of each config id, from the earliest ok result of each id (repeats agree on transcripts). */
export function timestampsById(results: readonly BenchResult[]): Map<string, TimestampComparison> {
  const first = new Map<string, BenchResult>();
  for (const r of [...results].sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0))) {
    if (r.status === 'ok' && !first.has(r.config.id)) first.set(r.config.id, r);
  }
  return new Map(compareTimestamps([...first.values()]).map((t) => [t.candidate.config.id, t]));
}

function msRow(configId: string, metric: string, current: number, baseline: number, limits: Limits): GateRow {
  const delta = current - baseline;
  const verdict = pointsVerdict(delta, limits);
  const row: GateRow = { configId, metric, kind: 'ms', current, baseline, delta, verdict };
  if (verdict !== 'pass') row.note = `word starts drift ${Math.round(delta)} ms further from the oracle, beyond the ${verdict} limit of ${limits[verdict]} ms`;
  return row;
}

function agreementRows(id: string, prefix: string, cur: TimestampAgreement, base: TimestampAgreement, median: Limits | null, p95: Limits): GateRow[] {
  return [
    ...(median ? [msRow(id, `${prefix}word start median`, cur.medianStartDiffMs, base.medianStartDiffMs, median)] : []),
    msRow(id, `${prefix}word start p95`, cur.p95StartDiffMs, base.p95StartDiffMs, p95),
  ];
}

/**
 * Rows of one config id present and ok on both sides. None when the baseline has no word times (it
 * predates them); a `missingMetric` row when the baseline has them and the current result does not.
 */
export function compareTimestampRows(id: string, current: TimestampComparison | undefined, baseline: TimestampComparison | undefined, rules: GateRules): GateRow[] {
  const a = rules.accuracy;
  if (!baseline?.overall || !current) return [];
  if (!current.overall) {
    return [{
      configId: id, metric: 'word start agreement', kind: 'text', current: null, baseline: 'present', delta: null, verdict: rules.findings.missingMetric,
      note: `the baseline has word-start agreement but the current result does not (${current.skipped ?? 'no word aligned as a hit'})`,
    }];
  }
  const rows = agreementRows(id, '', current.overall, baseline.overall, a.wordStartMedianMs, a.wordStartP95Ms);
  const baseSections = new Map((baseline.sections ?? []).map((s) => [s.index, s.agreement]));
  for (const s of current.sections ?? []) {
    const b = baseSections.get(s.index);
    if (s.agreement && b) rows.push(...agreementRows(id, `section ${s.index} `, s.agreement, b, null, a.sectionWordStartP95Ms));
  }
  return rows;
}
