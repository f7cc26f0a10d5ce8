/** Server-rendered dashboard tables. Every string from results goes through escapeHtml. */
import type { BenchResult } from '@parakeet-bench/core';
import { escapeHtml } from '../escape.ts';
import { batchLabel, normalizerOf, scoredItemsOf, scoringLabel, scoringOf, threadsLabel } from '@parakeet-bench/core';
import { configLabel, decoderLabel, formatClock, formatPercent, formatRtfx } from '../format.ts';
import { MEMORY_LEGEND, memoryCells } from '../memory-rows.ts';
import type { Run } from '@parakeet-bench/results';
import { editCount, renderDiff } from './diff.ts';

const e = escapeHtml;

/** WER per long-pass section, one row per config; sections with visible degradation are flagged. */
export function sectionTable(results: readonly BenchResult[]): string {
  const long = results.filter((r) => r.status === 'ok' && r.longPass);
  const first = long[0]?.longPass;
  if (!first) return '';
  const head = first.sections.map((s) => `<th>${formatClock(s.startSec)}–${formatClock(s.endSec)}</th>`).join('');
  const rows = long.map((r) => {
    const cells = (r.longPass?.sections ?? [])
      .map((s) => `<td class="num${s.wer >= 0.05 ? ' bad' : ''}">${formatPercent(s.wer)}</td>`)
      .join('');
    return `<tr><th scope="row">${e(configLabel(r))}</th>${cells}<td class="num">${formatPercent(r.accuracy?.wer)}</td></tr>`;
  });
  return `<table class="sections"><caption>Per-section WER vs the fp32 oracle</caption><thead><tr><th>config</th>${head}<th>overall</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Precision × (backend, threads, beam) matrix of WER, CER, RTFx and peak RAM. */
export function matrixTable(results: readonly BenchResult[]): string {
  const columnOf = (r: BenchResult) => `${r.config.backend} · ${threadsLabel(r.config.threads)}${r.config.loader ? ` · ${r.config.loader}` : ''} · ${decoderLabel(r.config.decoder)}${batchLabel(r.config)}`;
  const columns = [...new Set(results.map(columnOf))];
  const variants = [...new Set(results.map((r) => r.config.variant))];
  const cell = (r: BenchResult | undefined) => {
    if (!r) return '<td class="na">–</td>';
    if (r.status !== 'ok') return `<td class="status-${r.status}" title="${e(r.error?.message ?? '')}">${r.status}</td>`;
    const ci = r.accuracy?.werCi;
    const interval = ci ? `<dt>95%</dt><dd>[${(100 * ci.low).toFixed(2)}, ${(100 * ci.high).toFixed(2)}]</dd>` : '';
    const m = memoryCells(r);
    return `<td><dl><dt>WER</dt><dd>${formatPercent(r.accuracy?.wer)}</dd>${interval}<dt>CER</dt><dd>${formatPercent(r.accuracy?.cer)}</dd>` +
      `<dt>RTFx</dt><dd>${formatRtfx(r.timing?.rtfx)}</dd><dt>runtime</dt><dd>${m.runtime}</dd><dt>model</dt><dd>${m.model}</dd><dt>peak</dt><dd>${m.peak}</dd></dl></td>`;
  };
  const rows = variants.map((v) => {
    const cells = columns.map((c) => cell(results.find((r) => r.config.variant === v && columnOf(r) === c)));
    return `<tr><th scope="row">${e(v)}</th>${cells.join('')}</tr>`;
  });
  return `<table class="matrix"><caption>Precision × backend × beam</caption><thead><tr><th>variant</th>${columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>` +
    `<p class="meta">${e(MEMORY_LEGEND)}</p>`;
}

/** Configs that did not complete, with their (escaped) errors. */
export function failureList(results: readonly BenchResult[]): string {
  const broken = results.filter((r) => r.status !== 'ok');
  if (broken.length === 0) return '';
  const items = broken.map((r) => `<li><span class="status-${r.status}">${r.status}</span> ${e(configLabel(r))}` +
    `${r.error?.phase ? ` <small>(${e(r.error.phase)})</small>` : ''}: <code>${e(r.error?.message ?? 'no error recorded')}</code></li>`);
  return `<h3>Not completed</h3><ul class="failures">${items.join('')}</ul>`;
}

/** The normaliser a result was scored with, as diffs apply it. */
const normalizeFor = (r: BenchResult) => normalizerOf(scoringOf(r));

/** The `limit` worst utterances across all configs of a dataset, with their diffs. */
export function worstUtterances(results: readonly BenchResult[], limit = 10): string {
  const all = results.filter((r) => r.status === 'ok').flatMap((r) => scoredItemsOf(r).map((u) => ({ r, u })));
  const worst = all.filter(({ u }) => editCount(u) > 0).sort((a, b) => b.u.wer - a.u.wer || editCount(b.u) - editCount(a.u)).slice(0, limit);
  if (worst.length === 0) return '<h3>Worst utterances</h3><p>No word errors in any config.</p>';
  const items = worst.map(({ r, u }) =>
    `<li><div class="meta"><b>${formatPercent(u.wer)} WER</b> · ${e(u.id)} · ${e(configLabel(r))}</div>${renderDiff(u, normalizeFor(r))}</li>`);
  return `<h3>Worst utterances</h3><ol class="worst">${items.join('')}</ol>`;
}

/** Collapsible per-config lists of every utterance with errors (capped to keep the page light). */
export function utteranceDiffs(results: readonly BenchResult[], cap = 200): string {
  const blocks = results.filter((r) => r.status === 'ok').map((r) => {
    const items = scoredItemsOf(r);
    const normalize = normalizeFor(r);
    const wrong = items.filter((u) => editCount(u) > 0);
    const shown = wrong.slice(0, cap);
    const more = wrong.length > cap ? `<p>… ${wrong.length - cap} more not shown.</p>` : '';
    const body = shown.map((u) => `<div class="utt"><div class="meta">${e(u.id)} · ${formatPercent(u.wer)} WER · ${formatPercent(u.cer)} CER</div>${renderDiff(u, normalize)}</div>`);
    return `<details><summary>${e(configLabel(r))} — ${wrong.length} of ${items.length} with errors (aligned after ${e(scoringLabel(scoringOf(r)))} normalisation)</summary>${body.join('')}${more}</details>`;
  });
  return blocks.length ? `<h3>Per-utterance alignments</h3>${blocks.join('')}` : '';
}

/** Runs in time order with their result counts. */
export function historyTable(runs: readonly Run[]): string {
  const rows = runs.map((run) => {
    const ok = run.results.filter((r) => r.status === 'ok').length;
    return `<tr><td>${e(run.label)}</td><td>${e(run.dir)}</td><td>${e(run.finishedAt)}</td><td class="num">${ok} / ${run.results.length}</td></tr>`;
  });
  return `<table class="history"><caption>Runs (oldest first)</caption><thead><tr><th>run</th><th>directory</th><th>finished</th><th>ok / configs</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
