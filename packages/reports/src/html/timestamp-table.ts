/**
 * The dashboard's word-timestamp agreement of one dataset: each config's word starts against the
 * fp32 oracle (long pass: each section alone; corpus: the reference variant's result), computed by
 * core's `compareTimestamps` like the run summary, summary.md and the gate.
 */
import type { BenchResult, TimestampComparison } from '@parakeet-bench/core';
import { compareTimestamps } from '@parakeet-bench/core';
import { escapeHtml as e } from '../escape.ts';
import { configLabel, formatClock, formatStartDiffs } from '../format.ts';

/** A section's p95 is flagged from two encoder frames (160 ms) on. */
const FLAG_MS = 160;

function row(t: TimestampComparison, sectionCount: number): string {
  const head = `<th scope="row">${e(configLabel(t.candidate))}</th><td>${e(t.against)}</td>`;
  if (t.skipped) return `<tr class="skipped">${head}<td colspan="${2 + sectionCount}">not compared: ${e(t.skipped)}</td></tr>`;
  const sections = Array.from({ length: sectionCount }, (_, k) => {
    const a = t.sections?.[k]?.agreement;
    return a ? `<td class="num${a.p95StartDiffMs >= FLAG_MS ? ' bad' : ''}">${Math.round(a.p95StartDiffMs)}</td>` : '<td class="na">–</td>';
  });
  return `<tr>${head}<td class="num">${t.overall?.hitWords ?? 0}</td><td class="num">${formatStartDiffs(t.overall)}</td>${sections.join('')}</tr>`;
}

/** The agreement table of one dataset's results (empty when no result has word times). */
export function timestampTable(results: readonly BenchResult[], compareTo: string | undefined): string {
  const rows = compareTimestamps(results, compareTo === undefined ? {} : { referenceVariant: compareTo });
  if (!rows.some((t) => t.overall)) return '';
  const plan = rows.find((t) => t.sections)?.sections ?? [];
  const head = plan.map((s) => `<th>${formatClock(s.startSec)}–${formatClock(s.endSec)} p95</th>`).join('');
  return (
    `<table class="timestamps"><caption>Word-start agreement (ms)</caption><thead><tr><th>config</th><th>against</th><th>hit words</th><th>median / p95</th>${head}</tr></thead>` +
    `<tbody>${rows.map((t) => row(t, plan.length)).join('')}</tbody></table>` +
    '<p class="meta">|word start − reference word start| over the words both transcripts share (aligned as hits after normalisation); ' +
    `sections with a p95 of ${FLAG_MS} ms (two encoder frames) or more are flagged.</p>`
  );
}
