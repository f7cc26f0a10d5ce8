/**
 * The gate's machine-readable report. Rows carry raw numbers (fractions, ratios, bytes) so tools can
 * recompute anything; the markdown formatter decides how to display them.
 */
import type { PairedWer } from '@parakeet-bench/core';
import type { Verdict } from './rules.ts';

/** How a row's numbers are read: picks the formatter and the meaning of `delta`. */
export type MetricKind =
  /** WER/CER fraction; delta in percentage points. */
  | 'rate'
  /** audio seconds per processing second; delta relative (current/baseline - 1). */
  | 'rtfx'
  /** bytes; delta relative. */
  | 'bytes'
  /** cosine similarity in [-1, 1]; delta = current - baseline. */
  | 'cosine'
  /** milliseconds (word-start differences); delta in milliseconds. */
  | 'ms'
  /** a status, a count of changed items, a presence: text values, no delta. */
  | 'text';

/** One compared metric of one config. */
export interface GateRow {
  configId: string;
  /** e.g. `wer`, `cer`, `section 2 wer`, `transcripts`, `rtfx`, `peakRssBytes`, `status`. */
  metric: string;
  kind: MetricKind;
  current: number | string | null;
  baseline: number | string | null;
  /** `rate`: percentage points; `rtfx`/`bytes`: relative change; `ms`: milliseconds; `cosine`: difference; `text`: null. */
  delta: number | null;
  /** Relative noise band used for the verdict (timing and memory rows only). */
  band?: number;
  /** Sample counts behind a median (timing and memory rows only). */
  samples?: { current: number; baseline: number };
  verdict: Verdict;
  /** Why the verdict, naming the utterance, section or field involved. */
  note?: string;
  /** Paired bootstrap and MAPSSWE of current vs baseline (corpus WER under `accuracy.pairedWer`). */
  paired?: PairedWer;
}

/** Output of {@link compareResults}; written as JSON by `bench gate --json`. */
export interface GateReport {
  /** Marks the file as a gate report (result readers skip files without `schemaVersion`). */
  gateReportVersion: 1;
  verdict: Verdict;
  counts: Record<Verdict, number>;
  /** Worst verdict per config id, sorted by id. */
  configs: { id: string; verdict: Verdict }[];
  rows: GateRow[];
  /** What was compared, filled in by `runGate`. */
  inputs?: { baseline: string; current: string; rules: string };
}

const rank: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };

/** The more severe of the given verdicts (`pass` for none). */
export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = 'pass';
  for (const v of verdicts) if (rank[v] > rank[worst]) worst = v;
  return worst;
}

/** `verdict`, lowered to `cap` if it is more severe. */
export function capVerdict(verdict: Verdict, cap: Verdict): Verdict {
  return rank[verdict] > rank[cap] ? cap : verdict;
}

/** Builds the report from rows: overall verdict, per-verdict counts and per-config verdicts. */
export function summarizeRows(rows: GateRow[]): GateReport {
  const counts: Record<Verdict, number> = { pass: 0, warn: 0, fail: 0 };
  const byConfig = new Map<string, Verdict[]>();
  for (const row of rows) {
    counts[row.verdict]++;
    const list = byConfig.get(row.configId) ?? [];
    list.push(row.verdict);
    byConfig.set(row.configId, list);
  }
  const configs = [...byConfig.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, vs]) => ({ id, verdict: worstVerdict(vs) }));
  return { gateReportVersion: 1, verdict: worstVerdict(rows.map((r) => r.verdict)), counts, configs, rows };
}
