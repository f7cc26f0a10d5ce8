/** `markdown`: a compact summary for CI job summaries and PR comments (`summary.md`). */
import type { BenchResult } from '@parakeet-bench/core';
import {
  REFERENCE_COMPARISON_METHOD,
  batchLabel,
  comparisonGroups,
  compareTimestamps,
  compareWithReference,
  formatReferenceComparison,
  scoringLabel,
  scoringOf,
  threadsLabel,
} from '@parakeet-bench/core';
import { configLabel, decoderLabel, formatPercentCi, formatRtfx, formatStartDiffs, strategyLabel, worstSectionLabel } from '../format.ts';
import { FIDELITY_LEGEND, fidelityRows } from '../fidelity-rows.ts';
import { MEMORY_LEGEND, legacyMemoryNote, memoryCells, pointCell, profilePrefixes, profileRows } from '../memory-rows.ts';
import { MAPPED_FOOTNOTE, loadingRows } from '../loading.ts';
import { byDataset } from '../order.ts';
import type { ReportInput, Reporter } from './reporter.ts';

const TIMESTAMP_NOTE =
  'Word start p50 / p95: median and 95th percentile of |word start − reference word start| over the words both transcripts share ' +
  '(long pass: the fp32 oracle transcribing each section alone; corpus: the reference variant on the same utterances).';

const STATUS: Readonly<Record<BenchResult['status'], string>> = {
  ok: '✅ ok',
  failed: '❌ failed',
  unsupported: '⚠️ unsupported',
};

/**
 * Makes untrusted text inert in GitHub-flavoured markdown: job summaries render inline HTML, and a
 * `|` would split a table cell.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|])/g, '\\$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The paired WER comparisons of one dataset's results, as a list under a heading. */
function comparisonLines(results: readonly BenchResult[], compareTo: string | undefined): string[] {
  const { comparisons, withoutReference } = compareWithReference(results, compareTo === undefined ? {} : { referenceVariant: compareTo });
  const lines: string[] = [];
  if (comparisons.length > 0) {
    lines.push('', '**Paired WER against the reference** (method in the heading above):', '');
    for (const g of comparisonGroups(comparisons)) {
      for (const c of g.comparisons) lines.push(`- ${escapeMarkdown(g.setting)}: ${escapeMarkdown(formatReferenceComparison(c))}`);
    }
  }
  if (withoutReference.length > 0) {
    lines.push('', `${withoutReference.length} config${withoutReference.length === 1 ? '' : 's'} name no reference variant (results written before \`compareTo\`): pass \`--compare-to <variant>\` for paired comparisons.`);
  }
  return lines;
}

function datasetSection(dataset: string, results: readonly BenchResult[], compareTo: string | undefined): string[] {
  const hasLong = results.some((r) => r.longPass);
  // Columns that only some sweeps have appear only then, so older summaries read as they always did.
  const hasChunked = results.some((r) => r.config.longStrategy);
  const timestamps = new Map(compareTimestamps(results, compareTo === undefined ? {} : { referenceVariant: compareTo }).map((t) => [t.candidate, t]));
  const hasTimes = [...timestamps.values()].some((t) => t.overall);
  const head = [
    'variant', 'backend', 'threads', 'decoder', ...(hasChunked ? ['long strategy'] : []), 'WER', 'CER', 'RTFx', 'runtime', 'model', 'peak',
    ...(hasLong ? ['worst section'] : []), ...(hasTimes ? ['word start p50 / p95'] : []), 'status',
  ];
  const first = head.indexOf('WER');
  const lines = [`### ${escapeMarkdown(dataset)}`, '', row(head), row(head.map((_, i) => (i >= first && i < head.length - 1 ? '---:' : '---')))];
  for (const r of results) {
    const c = r.config;
    const m = memoryCells(r);
    lines.push(row([
      escapeMarkdown(c.variant), `${c.backend}${c.loader ? ` (${c.loader})` : ''}`, threadsLabel(c.threads), decoderLabel(c.decoder) + batchLabel(c), ...(hasChunked ? [strategyLabel(c)] : []),
      formatPercentCi(r.accuracy?.wer, r.accuracy?.werCi), formatPercentCi(r.accuracy?.cer, r.accuracy?.cerCi), formatRtfx(r.timing?.rtfx), m.runtime, m.model, m.peak,
      ...(hasLong ? [worstSectionLabel(r)] : []), ...(hasTimes ? [formatStartDiffs(timestamps.get(r)?.overall)] : []), STATUS[r.status],
    ]));
  }
  const legacy = legacyMemoryNote(results);
  if (legacy) lines.push('', escapeMarkdown(legacy));
  lines.push(...fidelityLines(results), ...profileLinesOf(results));
  lines.push(...loadingLines(results));
  if (hasTimes) lines.push('', TIMESTAMP_NOTE);
  lines.push(...comparisonLines(results, compareTo));
  const broken = results.filter((r) => r.status !== 'ok');
  if (broken.length > 0) {
    lines.push('', '**Not completed:**', '');
    for (const r of broken) {
      const phase = r.error?.phase ? ` (${escapeMarkdown(r.error.phase)})` : '';
      lines.push(`- ${escapeMarkdown(configLabel(r))} — ${r.status}${phase}: ${escapeMarkdown(r.error?.message ?? 'no error recorded')}`);
    }
  }
  return lines;
}

/** The encoder-fidelity table of a dataset (empty when no result carries fidelity). */
function fidelityLines(results: readonly BenchResult[]): string[] {
  const rows = fidelityRows(results);
  if (rows.length === 0) return [];
  const sections = Math.max(0, ...rows.map((r) => r.sections.length));
  const head = ['variant', 'backend', 'vs', 'cosine', 'rel. L2', 'worst section', 'joint agreement', ...Array.from({ length: sections }, (_, k) => `§${k}`)];
  const lines = ['', '#### Encoder fidelity', '', row(head), row(head.map((_, i) => (i >= 3 ? '---:' : '---')))];
  for (const r of rows) lines.push(row([escapeMarkdown(r.variant), r.setting, escapeMarkdown(r.oracle), r.cosine, r.relL2, r.worst, r.agreement, ...r.sections]));
  lines.push('', escapeMarkdown(FIDELITY_LEGEND));
  return lines;
}

/** The memory-profile table of a dataset: inference peak (model) per prefix. */
function profileLinesOf(results: readonly BenchResult[]): string[] {
  const rows = profileRows(results);
  if (rows.length === 0) return [];
  const prefixes = profilePrefixes(rows);
  const head = ['config', ...prefixes.map((p) => `${p} s`)];
  const lines = ['', '#### Memory against audio length', '', row(head), row(head.map((_, i) => (i > 0 ? '---:' : '---')))];
  for (const r of rows) lines.push(row([escapeMarkdown(r.label), ...prefixes.map((p) => pointCell(r.points.find((x) => x.audioSec === p)))]));
  lines.push('', 'Inference peak above the runtime baseline (model in brackets), each prefix of the recording in one pass in a fresh process or browser.');
  return lines;
}

/** The model-loading table of a dataset with browser configs: load time, peak and after-load RAM per loader. */
function loadingLines(results: readonly BenchResult[]): string[] {
  const rows = loadingRows(results);
  if (rows.length === 0) return [];
  const head = ['variant', 'backend', 'loader', 'load', 'peak RAM', 'RAM after load', 'status'];
  const lines = ['', '#### Model loading', '', row(head), row(head.map((_, i) => (i >= 3 && i <= 5 ? '---:' : '---')))];
  for (const r of rows) lines.push(row([escapeMarkdown(r.variant), r.backend, escapeMarkdown(r.loader), r.load, r.peak, r.afterLoad, STATUS[r.status]]));
  if (rows.some((r) => r.loader.endsWith('†'))) lines.push('', escapeMarkdown(MAPPED_FOOTNOTE));
  return lines;
}

/** Renders the summary as markdown text. */
export function renderMarkdown({ latest, runs, invalid, compareTo, rescoredWith }: ReportInput): string {
  const counts = Object.keys(STATUS).map((s) => `${latest.results.filter((r) => r.status === s).length} ${s}`).join(', ');
  const scorings = [...new Set(latest.results.filter((r) => r.status === 'ok').map((r) => scoringLabel(scoringOf(r))))];
  const lines = [
    `## Parakeet ONNX benchmark — run ${escapeMarkdown(latest.label)}`,
    '',
    `${latest.results.length} configs (${counts}); finished ${latest.finishedAt || 'unknown'}; ${runs.length} run${runs.length === 1 ? '' : 's'} in history.`,
    'WER/CER are corpus-level with their 95% bootstrap interval in brackets (when the result has one); long-pass WER is against the fp32 oracle; RTFx = audio seconds per processing second.',
    `Paired comparisons: ${escapeMarkdown(REFERENCE_COMPARISON_METHOD)}.`,
    escapeMarkdown(MEMORY_LEGEND),
    `Normaliser: ${escapeMarkdown(scorings.join(', ') || 'none scored')}${rescoredWith ? ` (rescored with ${escapeMarkdown(rescoredWith)} for this report; result files unchanged)` : ''}.`,
  ];
  for (const [dataset, results] of byDataset(latest.results)) lines.push('', ...datasetSection(dataset, results, compareTo));
  if (invalid.length > 0) {
    lines.push('', '### Unreadable result files', '');
    for (const i of invalid) lines.push(`- ${escapeMarkdown(i.reason)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes `summary.md`. */
export const markdownReporter: Reporter = {
  summary: 'markdown summary table per dataset (summary.md), for CI job summaries',
  async render(input) {
    return [{ name: 'summary.md', data: renderMarkdown(input) }];
  },
};
