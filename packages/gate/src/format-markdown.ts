/**
 * Markdown rendering of a gate report (GitHub job summaries and PR comments): one table row per
 * compared metric, then the notes that explain every non-pass verdict.
 */
import type { GateReport, GateRow, MetricKind } from './report.ts';
import type { Verdict } from './rules.ts';

const signed = (x: number, digits: number) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;

function bytes(n: number): string {
  const gib = n / 2 ** 30;
  return gib >= 1 ? `${gib.toFixed(2)} GiB` : `${(n / 2 ** 20).toFixed(1)} MiB`;
}

function relativeDelta(row: GateRow): string {
  if (row.delta === null) return '—';
  const band = row.band === undefined ? '' : ` (band ±${(100 * row.band).toFixed(0)}%`;
  const n = row.samples ? `, n=${row.samples.current}/${row.samples.baseline})` : band ? ')' : '';
  return `${signed(100 * row.delta, 1)}%${band}${n}`;
}

/** How each kind of metric displays its values and delta. */
const formatters: Record<MetricKind, { value: (x: number) => string; delta: (row: GateRow) => string }> = {
  rate: { value: (x) => `${(100 * x).toFixed(2)}%`, delta: (r) => (r.delta === null ? '—' : `${signed(r.delta, 2)} pt`) },
  rtfx: { value: (x) => `${x.toFixed(1)}x`, delta: relativeDelta },
  bytes: { value: bytes, delta: relativeDelta },
  cosine: { value: (x) => x.toFixed(4), delta: (r) => (r.delta === null ? '—' : signed(r.delta, 4)) },
  ms: { value: (x) => `${Math.round(x)} ms`, delta: (r) => (r.delta === null ? '—' : `${signed(r.delta, 0)} ms`) },
  text: { value: (x) => String(x), delta: () => '—' },
};

const verdictLabel: Record<Verdict, string> = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail' };

// Pipes and newlines would break the table row.
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function value(row: GateRow, x: number | string | null): string {
  if (x === null) return '—';
  return typeof x === 'number' ? formatters[row.kind].value(x) : x;
}

/** Renders the report as markdown: heading with the overall verdict, the table, then the notes. */
export function formatMarkdown(report: GateReport, title = 'Regression gate'): string {
  const { counts } = report;
  const lines = [
    `## ${title}: ${verdictLabel[report.verdict]}`,
    '',
    `${report.configs.length} configs, ${report.rows.length} checks: ${counts.pass} pass, ${counts.warn} warn, ${counts.fail} fail.`,
    '',
    '| config | metric | current | baseline | delta | verdict |',
    '| --- | --- | ---: | ---: | ---: | --- |',
  ];
  for (const row of report.rows) {
    const delta = row.kind === 'text' ? '—' : formatters[row.kind].delta(row);
    lines.push(`| ${[row.configId, row.metric, value(row, row.current), value(row, row.baseline), delta, verdictLabel[row.verdict]].map(cell).join(' | ')} |`);
  }
  const noted = report.rows.filter((r) => r.note);
  if (noted.length) {
    lines.push('', '### Notes', '');
    for (const r of noted) lines.push(`- ${verdictLabel[r.verdict]} \`${r.configId}\` ${r.metric}: ${cell(r.note!)}`);
  }
  return `${lines.join('\n')}\n`;
}
