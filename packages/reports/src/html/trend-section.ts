/**
 * The "Trends over nights" block of a dataset: a config selector, its WER / RTFx / peak-RAM charts
 * (drawn by the client script from the embedded specs) and a list of what happened to it on which
 * night (gate findings, environment changes, failures, the baseline's night).
 */
import type { BenchResult } from '@parakeet-bench/core';
import type { Night, Run } from '@parakeet-bench/results';
import { slug } from '../charts/chart-spec.ts';
import { escapeHtml } from '../escape.ts';
import type { ConfigTrend, TrendNights } from '../trends/trend-data.ts';
import { configTrends, latestGate, trendNights } from '../trends/trend-data.ts';
import { TREND_METRICS, trendCharts } from '../trends/trend-charts.ts';

const e = escapeHtml;

/** What the client script needs to draw one dataset's trends. */
export interface TrendData {
  /** Key of the config shown first. */
  readonly selected: string;
  /** Config key -> its chart specs, in {@link TREND_METRICS} order. */
  readonly configs: Record<string, { id: string; config: unknown }[]>;
}

/** A dataset's trend block and its chart data. */
export interface TrendBlock {
  readonly html: string;
  readonly data: TrendData;
}

const RANK = { fail: 3, warn: 2, pass: 0 } as const;

/**
 * Shown first: the config the newest gate judged worst, else one whose environment just changed,
 * else one with a result in the newest run; among equals, the one with the longest history.
 */
function firstShown(trends: readonly ConfigTrend[]): number {
  const key = (t: ConfigTrend): number[] => {
    const last = t.points.at(-1);
    return [RANK[latestGate(t) ?? 'pass'], last?.envChanges.length ? 1 : 0, last?.result?.status === 'ok' ? 1 : 0, t.points.filter((p) => p.result).length];
  };
  const better = (a: number[], b: number[]): boolean => {
    const i = a.findIndex((x, k) => x !== b[k]);
    return i >= 0 && a[i]! > b[i]!;
  };
  let best = 0;
  trends.forEach((t, i) => {
    if (better(key(t), key(trends[best]!))) best = i;
  });
  return best;
}

function nightName(x: TrendNights, i: number): string {
  const [date, label] = x.labels[i] ?? ['?', '?'];
  return `${label} (${date})`;
}

function events(t: ConfigTrend, x: TrendNights): string[] {
  const out: string[] = [];
  t.points.forEach((p, i) => {
    const at = `<b>${e(nightName(x, i))}</b>`;
    if (p.gate === 'fail' || p.gate === 'warn') out.push(`<li class="gate-${p.gate}">${at}: gate ${p.gate === 'fail' ? 'failed' : 'warned'}</li>`);
    if (p.envChanges.length) out.push(`<li class="env">${at}: environment changed: ${e(p.envChanges.join('; '))}</li>`);
    if (p.result && p.result.status !== 'ok') out.push(`<li class="status-${p.result.status}">${at}: ${p.result.status}: ${e(p.result.error?.message.split('\n')[0] ?? 'no error recorded')}</li>`);
    if (p.baselineNight) out.push(`<li>${at}: the current baseline was taken from this night</li>`);
  });
  return out;
}

function optionLabel(t: ConfigTrend): string {
  const g = latestGate(t);
  return g === 'fail' || g === 'warn' ? `${t.label} — gate ${g}` : t.label;
}

/** The trend block of `dataset`, or undefined with fewer than two runs (nothing to trend). */
export function trendSection(
  dataset: string,
  runs: readonly Run[],
  nights: ReadonlyMap<string, Night>,
  baseline: readonly BenchResult[],
): TrendBlock | undefined {
  if (runs.length < 2) return undefined;
  const trends = configTrends(dataset, runs, nights, baseline);
  if (trends.length === 0) return undefined;
  const x = trendNights(runs, nights);
  const ds = slug(dataset);
  const first = firstShown(trends);
  const configs: TrendData['configs'] = {};
  const options: string[] = [];
  const lists: string[] = [];
  trends.forEach((t, i) => {
    const key = `c${i}`;
    configs[key] = trendCharts(t, x).map((c) => ({ id: c.id, config: c.config }));
    options.push(`<option value="${key}"${i === first ? ' selected' : ''}>${e(optionLabel(t))}</option>`);
    const items = events(t, x);
    lists.push(`<ul class="trend-events" data-trend-events="${e(ds)}:${key}"${i === first ? '' : ' hidden'}>${items.length ? items.join('') : '<li>No gate findings, environment changes or failures on these nights.</li>'}</ul>`);
  });
  const baselineNote = baseline.length ? `dashed line: the current baseline${baseline[0]?.runLabel ? ` (${e(baseline[0].runLabel)})` : ''}` : 'no baseline given';
  const canvases = TREND_METRICS.map((m) => `<div class="chart"><canvas data-trend-chart="${e(ds)}" data-metric="${m.key}" role="img" aria-label="${e(m.title)} over nights"></canvas></div>`);
  const html = `<div class="trends" id="trends-${e(ds)}"><h3>Trends over ${runs.length} nights</h3>` +
    `<p class="meta">One config at a time; markers: gate warned / failed, environment changed, the night the baseline was taken; ${baselineNote}.</p>` +
    `<label>config <select data-trend-select="${e(ds)}">${options.join('')}</select></label>` +
    `<div class="charts">${canvases.join('')}</div>${lists.join('')}</div>`;
  return { html, data: { selected: `c${first}`, configs } };
}
