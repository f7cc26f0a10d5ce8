/**
 * The regression gate: baseline against current, config by config (matched by `config.id`).
 */
import type { BenchResult } from '@parakeet-bench/core';
import { compareConfig } from './compare-config.ts';
import { compareFidelity } from './compare-fidelity.ts';
import { compareTimestampRows, timestampsById } from './compare-timestamps.ts';
import type { GateReport, GateRow } from './report.ts';
import { summarizeRows } from './report.ts';
import type { GateRules } from './rules.ts';
import { defaultGateRules } from './rules.ts';

/** Groups results by config id; several results per id are repeats (e.g. from several run dirs). */
export function groupByConfigId(results: readonly BenchResult[]): Map<string, BenchResult[]> {
  const groups = new Map<string, BenchResult[]>();
  for (const r of results) {
    const list = groups.get(r.config.id) ?? [];
    list.push(r);
    groups.set(r.config.id, list);
  }
  return groups;
}

/**
 * Compares current results with the baseline. Either list may hold several results per config id
 * (repeats): timings use their median, accuracy the earliest ok repeat. Configs on one side only are
 * findings (`missingConfig`, `newConfig`), never silently passed.
 */
export function compareResults(
  baseline: readonly BenchResult[],
  current: readonly BenchResult[],
  rules: GateRules = defaultGateRules,
): GateReport {
  const base = groupByConfigId(baseline);
  const cur = groupByConfigId(current);
  const baseTimes = timestampsById(baseline);
  const curTimes = timestampsById(current);
  const ids = [...new Set([...base.keys(), ...cur.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rows: GateRow[] = [];
  for (const id of ids) {
    const b = base.get(id);
    const c = cur.get(id);
    if (b && c) rows.push(...compareConfig(c, b, rules), ...compareTimestampRows(id, curTimes.get(id), baseTimes.get(id), rules));
    else if (b) {
      rows.push({
        configId: id, metric: 'config', kind: 'text', current: null, baseline: 'present', delta: null,
        verdict: rules.findings.missingConfig,
        note: 'in the baseline but not in the current results: a shard failed or the config left the sweep (then refresh the baseline)',
      });
    } else if (c) {
      rows.push({
        configId: id, metric: 'config', kind: 'text', current: 'present', baseline: null, delta: null,
        verdict: rules.findings.newConfig,
        note: 'not in the baseline: add it with `bench baseline update`',
      });
      // A floor needs no baseline: a new config with a broken encoder still fails.
      const ok = c.find((r) => r.status === 'ok');
      if (ok) rows.push(...compareFidelity(ok, undefined, rules));
    }
  }
  return summarizeRows(rows);
}
