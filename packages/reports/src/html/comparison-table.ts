/**
 * The dashboard's paired comparisons of one dataset: each config against its reference variant (same
 * backend, threads and decoder), computed by core's `compareWithReference` like every other report.
 */
import type { BenchResult, ReferenceComparison } from '@parakeet-bench/core';
import { REFERENCE_COMPARISON_METHOD, comparisonSetting, compareWithReference, formatPValue, formatSigned as pts } from '@parakeet-bench/core';
import { escapeHtml as e } from '../escape.ts';

function row(c: ReferenceComparison): string {
  const head = `<td>${e(comparisonSetting(c.candidate.config))}</td><th scope="row">${e(c.candidate.config.variant)}</th><td>${e(c.referenceVariant)}</td>`;
  if (!c.wer) return `<tr class="skipped">${head}<td colspan="5">not compared: ${e(c.skipped ?? 'no statistics')}</td></tr>`;
  const b = c.wer.bootstrap;
  const verdict = b.significant ? (b.deltaPts > 0 ? 'worse' : 'better') : 'no significant difference';
  return `<tr class="${b.significant ? (b.deltaPts > 0 ? 'sig-worse' : 'sig-better') : ''}">${head}` +
    `<td class="num">${pts(b.deltaPts)}</td><td class="num">[${pts(b.ciLowPts)}, ${pts(b.ciHighPts)}]</td>` +
    `<td class="num">${e(formatPValue(b.pValue))}</td><td>${verdict}</td><td class="num">${e(formatPValue(c.wer.mapsswe.pValue))}</td></tr>`;
}

/** The comparison table of one dataset's results (empty when nothing is compared). */
export function comparisonTable(results: readonly BenchResult[], compareTo: string | undefined): string {
  const { comparisons, withoutReference } = compareWithReference(results, compareTo === undefined ? {} : { referenceVariant: compareTo });
  const note = withoutReference.length
    ? `<p class="meta">${withoutReference.length} config(s) name no reference variant (results written before <code>compareTo</code>): build with <code>--compare-to &lt;variant&gt;</code>.</p>`
    : '';
  if (comparisons.length === 0) return note;
  const head = '<tr><th>setting</th><th>config</th><th>vs</th><th>Δ WER (pts)</th><th>95% interval (pts)</th><th>p</th><th>verdict</th><th>MAPSSWE p</th></tr>';
  return `<table class="comparisons"><caption>Paired WER against the reference</caption><thead>${head}</thead><tbody>${comparisons.map(row).join('')}</tbody></table>` +
    `<p class="meta">${e(REFERENCE_COMPARISON_METHOD)}.</p>${note}`;
}
