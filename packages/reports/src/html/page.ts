/** Assembles the self-contained dashboard page: inline CSS, inline Chart.js, inline data, no network. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildCharts } from '../charts/build-charts.ts';
import { slug } from '../charts/chart-spec.ts';
import { escapeHtml, jsonForScript, scriptSafe } from '../escape.ts';
import { byDataset } from '../order.ts';
import type { ReportInput } from '../reporters/reporter.ts';
import { CLIENT_SCRIPT } from './client-script.ts';
import { loadingTable } from './loading-table.ts';
import { STYLES } from './styles.ts';
import { comparisonTable } from './comparison-table.ts';
import { fidelityTable, profileTable } from './fidelity-profile-tables.ts';
import { timestampTable } from './timestamp-table.ts';
import { failureList, historyTable, matrixTable, sectionTable, utteranceDiffs, worstUtterances } from './tables.ts';
import type { TrendData } from './trend-section.ts';
import { trendSection } from './trend-section.ts';

const e = escapeHtml;

/** Reads Chart.js's UMD build from node_modules at build time so the page needs no CDN. */
export async function readChartJsUmd(): Promise<string> {
  // chart.js does not export its UMD file, so locate the package through its main entry.
  const entry = createRequire(import.meta.url).resolve('chart.js');
  return readFile(join(dirname(entry), 'chart.umd.js'), 'utf8');
}

/**
 * Blocks every fetch (images, fonts, connections) as a second line of defence; inline scripts stay
 * allowed because Chart.js and the drawing code are inlined.
 */
const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

/** Renders the dashboard HTML for `input`. */
export async function renderDashboard(input: ReportInput, chartJs?: string): Promise<string> {
  const { latest, runs, invalid, compareTo } = input;
  const nights = input.nights ?? new Map();
  const chartSets = buildCharts(latest, runs);
  const trends: Record<string, TrendData> = {};
  const datasets = byDataset(latest.results);
  const env = latest.results[0]?.environment;
  const envLine = env ? `${e(env.cpuModel)} · ${env.cores} cores · ${e(env.platform)}/${e(env.arch)} · Node ${e(env.node)}` : '';
  const sections = chartSets.map(({ dataset, charts }) => {
    const results = datasets.get(dataset) ?? [];
    const canvases = charts.map((c) => `<div class="chart"><canvas data-chart="${e(c.id)}" role="img" aria-label="${e(c.title)}"></canvas></div>`);
    const trend = trendSection(dataset, runs, nights, input.baseline ?? []);
    if (trend) trends[slug(dataset)] = trend.data;
    return `<section id="ds-${e(slug(dataset))}"><h2>${e(dataset)}</h2><div class="charts">${canvases.join('')}</div>${trend?.html ?? ''}` +
      `${sectionTable(results)}${matrixTable(results)}${fidelityTable(results)}${profileTable(results)}${loadingTable(results)}${comparisonTable(results, compareTo)}${timestampTable(results, compareTo)}${failureList(results)}${worstUtterances(results)}${utteranceDiffs(results)}</section>`;
  });
  const invalidBlock = invalid.length
    ? `<section><h2>Unreadable result files</h2><ul class="invalid">${invalid.map((i) => `<li><code>${e(i.reason)}</code></li>`).join('')}</ul></section>`
    : '';
  const history = runs.length > 1 ? `<section id="history"><h2>History</h2>${historyTable(runs)}</section>` : '';
  const data = { charts: chartSets.flatMap((s) => s.charts.map((c) => ({ id: c.id, config: c.config }))), trends };
  const gate = nights.get(latest.dir)?.gate;
  const gateLine = gate ? ` · gate <b class="verdict-${gate.verdict}">${gate.verdict.toUpperCase()}</b> (${gate.counts.fail} fail, ${gate.counts.warn} warn)` : '';
  const nav = chartSets.map(({ dataset }) => `<a href="#ds-${e(slug(dataset))}">${e(dataset)}</a>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parakeet ONNX benchmark — ${e(latest.label)}</title>
<style>${STYLES}</style></head>
<body><header><h1>Parakeet ONNX benchmark</h1>
<p>Run <b>${e(latest.label)}</b> · finished ${e(latest.finishedAt)} · ${latest.results.length} configs${gateLine} · ${envLine}</p>
<nav>${nav}${history ? '<a href="#history">history</a>' : ''}</nav></header>
<main>${sections.join('\n')}${history}${invalidBlock}</main>
<script type="application/json" id="dashboard-data">${jsonForScript(data)}</script>
<script>${scriptSafe(chartJs ?? (await readChartJsUmd()))}</script>
<script>${CLIENT_SCRIPT}</script>
</body></html>
`;
}
