/**
 * Everything the gate says about one config id present on both sides: status, repeats, definition,
 * environment, then accuracy and performance. Findings that make metrics incomparable are rows too,
 * so nothing is silently passed.
 */
import type { BenchResult } from '@parakeet-bench/core';
import { compareAccuracy } from './compare-accuracy.ts';
import { compareFidelity } from './compare-fidelity.ts';
import { comparePerformance } from './compare-performance.ts';
import type { GateRow } from './report.ts';
import type { GateRules, Verdict } from './rules.ts';

const byStart = (a: BenchResult, b: BenchResult) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0);

function firstLine(text: string | undefined): string {
  const line = (text ?? '').split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function textRow(configId: string, metric: string, current: string | null, baseline: string | null, verdict: Verdict, note?: string): GateRow {
  const row: GateRow = { configId, metric, kind: 'text', current, baseline, delta: null, verdict };
  if (note) row.note = note;
  return row;
}

function statusRows(id: string, cur: BenchResult[], base: BenchResult[], rules: GateRules): GateRow[] | 'compare' {
  const curOk = cur.filter((r) => r.status === 'ok');
  const baseOk = base.filter((r) => r.status === 'ok');
  const c = cur[0]!;
  const b = base[0]!;
  const f = rules.findings;
  if (curOk.length === 0 && baseOk.length === 0) {
    const bothUnsupported = c.status === 'unsupported' && b.status === 'unsupported';
    return [textRow(id, 'status', c.status, b.status, bothUnsupported ? 'pass' : f.stillFailing,
      bothUnsupported ? 'unsupported on both sides' : `still not ok: ${firstLine(c.error?.message)}`)];
  }
  if (curOk.length === 0) {
    return [textRow(id, 'status', c.status, 'ok', f.failedStatus, `${c.error?.phase ? `${c.error.phase}: ` : ''}${firstLine(c.error?.message) || 'no error message'}`)];
  }
  if (baseOk.length === 0) {
    return [textRow(id, 'status', 'ok', b.status, f.recovered, 'baseline was not ok: refresh it with `bench baseline update`')];
  }
  return 'compare';
}

/** Keys of the first-level fields that differ (values compared as JSON). */
function changedFields(a: Record<string, unknown>, b: Record<string, unknown>, keys?: readonly string[]): string[] {
  const all = keys ?? [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return all.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

function transcriptKey(r: BenchResult): string {
  return JSON.stringify([r.utterances.map((u) => [u.id, u.hypothesis]), r.longPass?.sections.map((s) => s.hypothesis)]);
}

/** Rows for one config id; `current` and `baseline` hold every repeat found for it (non-empty). */
export function compareConfig(current: BenchResult[], baseline: BenchResult[], rules: GateRules): GateRow[] {
  const cur = [...current].sort(byStart);
  const base = [...baseline].sort(byStart);
  const c = cur[0]!;
  const b = base[0]!;
  const id = c.config.id;
  const rows: GateRow[] = [];
  const f = rules.findings;

  const configDiff = changedFields(c.config, b.config);
  if (configDiff.length) {
    rows.push(textRow(id, 'config', JSON.stringify(configDiff.map((k) => c.config[k as keyof typeof c.config])),
      JSON.stringify(configDiff.map((k) => b.config[k as keyof typeof b.config])), f.configChanged,
      `config definition changed under the same id: ${configDiff.join(', ')}`));
  }

  const env = rules.environment;
  const envA = c.environment as Record<string, unknown>;
  const envB = b.environment as Record<string, unknown>;
  const envDiff = changedFields(envA, envB, env.compare);
  if (envDiff.length) {
    rows.push(textRow(id, 'environment', envDiff.map((k) => `${k}=${String(envA[k])}`).join('; '),
      envDiff.map((k) => `${k}=${String(envB[k])}`).join('; '), env.changed,
      `environment changed: ${envDiff.join(', ')} (timing and transcripts may move with it)`));
  }

  const status = statusRows(id, cur, base, rules);
  if (status !== 'compare') return [...rows, ...status];

  const curOk = cur.filter((r) => r.status === 'ok');
  const baseOk = base.filter((r) => r.status === 'ok');
  if (curOk.length < cur.length) {
    const failed = cur.find((r) => r.status !== 'ok');
    rows.push(textRow(id, 'repeats', `${cur.length - curOk.length} of ${cur.length} not ok`, null, f.flakyRepeats,
      `flaky: ${failed?.status}: ${firstLine(failed?.error?.message)}`));
  }
  const keys = new Set(curOk.map(transcriptKey));
  if (keys.size > 1) {
    rows.push(textRow(id, 'repeats', `${keys.size} distinct transcripts in ${curOk.length} repeats`, null, f.flakyRepeats,
      'repeats disagree on transcripts: decoding is not deterministic on this backend'));
  }

  const hardwareChange = envDiff.filter((k) => env.hardware.includes(k));
  rows.push(...compareAccuracy(curOk[0]!, baseOk[0]!, rules));
  rows.push(...compareFidelity(curOk[0]!, baseOk[0]!, rules));
  rows.push(...comparePerformance(id, curOk, baseOk, rules, hardwareChange));
  return rows;
}
