/**
 * Trend charts of one config over nights: WER with its 95% interval, RTFx and peak RAM. Plain
 * Chart.js JSON like every other chart: the interval is drawn as floating bars, the baseline as a
 * dashed line, and nights the gate warned or failed on, nights whose environment changed and the
 * baseline's own night as marker series, so each has its legend entry. A chart shows one config, so
 * its line is always blue: the orange and red of the gate markers never stand for a config.
 */
import type { ChartConfiguration } from 'chart.js';
import type { BenchResult } from '@parakeet-bench/core';
import { toMiB } from '../format.ts';
import { baseOptions, slug } from '../charts/chart-spec.ts';
import type { ChartSpec } from '../charts/chart-spec.ts';
import type { ConfigTrend, TrendNights, TrendPoint } from './trend-data.ts';

/** A trend's metric: how to read it from a result and how to label it. */
interface TrendMetric {
  readonly key: 'wer' | 'rtfx' | 'ram';
  readonly title: string;
  readonly axis: string;
  readonly value: (r: BenchResult) => number | undefined;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The three trend metrics, in display order. */
export const TREND_METRICS: readonly TrendMetric[] = [
  { key: 'wer', title: 'WER', axis: 'WER (%)', value: (r) => (r.accuracy ? round2(r.accuracy.wer * 100) : undefined) },
  { key: 'rtfx', title: 'RTFx', axis: 'RTFx (higher is faster)', value: (r) => (r.timing ? round2(r.timing.rtfx) : undefined) },
  { key: 'ram', title: 'Peak RAM', axis: 'peak RSS (MiB)', value: (r) => (r.memory ? Math.round(toMiB(r.memory.peakRssBytes)) : undefined) },
];

/** Marker series: which nights get one, and how it looks. */
const MARKERS: readonly { label: string; when: (p: TrendPoint) => boolean; style: Record<string, unknown> }[] = [
  { label: 'gate failed', when: (p) => p.gate === 'fail', style: { pointStyle: 'rect', pointRadius: 8, backgroundColor: '#D55E00', borderColor: '#D55E00' } },
  { label: 'gate warned', when: (p) => p.gate === 'warn', style: { pointStyle: 'rectRot', pointRadius: 8, backgroundColor: '#E69F00', borderColor: '#E69F00' } },
  { label: 'environment changed', when: (p) => p.envChanges.length > 0, style: { pointStyle: 'triangle', pointRadius: 11, backgroundColor: 'rgba(0,0,0,0)', borderColor: '#000000', borderWidth: 2 } },
  { label: 'baseline taken here', when: (p) => p.baselineNight, style: { pointStyle: 'star', pointRadius: 12, backgroundColor: '#009E73', borderColor: '#009E73', borderWidth: 2 } },
];

const LINE = '#0072B2';

const ok = (p: TrendPoint): BenchResult | undefined => (p.result?.status === 'ok' ? p.result : undefined);

function interval(p: TrendPoint): [number, number] | null {
  const ci = ok(p)?.accuracy?.werCi;
  return ci ? [round2(ci.low * 100), round2(ci.high * 100)] : null;
}

/** One metric's chart of one config. */
export function trendChart(trend: ConfigTrend, nights: TrendNights, metric: TrendMetric): ChartSpec {
  const values = trend.points.map((p) => {
    const r = ok(p);
    return r ? (metric.value(r) ?? null) : null;
  });
  const datasets: Record<string, unknown>[] = [
    { type: 'line', label: metric.title, data: values, borderColor: LINE, backgroundColor: LINE, borderWidth: 2, pointRadius: 3, spanGaps: true, order: 2 },
  ];
  if (metric.key === 'wer' && trend.points.some((p) => interval(p))) {
    datasets.push({ type: 'bar', label: 'WER 95% interval', data: trend.points.map(interval), backgroundColor: 'rgba(0,114,178,0.22)', barPercentage: 0.35, pointStyle: 'rect', order: 4 });
  }
  const base = trend.baseline?.status === 'ok' ? metric.value(trend.baseline) : undefined;
  if (base !== undefined) {
    const label = `baseline${trend.baseline?.runLabel ? ` (${trend.baseline.runLabel})` : ''}`;
    datasets.push({ type: 'line', label, data: values.map(() => base), borderColor: '#555555', backgroundColor: '#555555', borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0, pointStyle: 'line', order: 3 });
  }
  for (const m of MARKERS) {
    const data = trend.points.map((p, i) => (m.when(p) ? (values[i] ?? null) : null));
    if (data.some((v) => v !== null)) datasets.push({ type: 'line', label: m.label, data, showLine: false, order: 0, ...m.style });
  }
  const title = `${metric.title} over nights — ${trend.label}`;
  const config = {
    type: 'line',
    data: { labels: nights.labels, datasets },
    options: {
      ...baseOptions(title, 'night (oldest → newest)', metric.axis),
      // Legend entries drawn as their markers (star, triangle, ...), so the legend explains them.
      plugins: { ...baseOptions(title, '', '').plugins, legend: { display: true, position: 'top', labels: { usePointStyle: true } } },
      scales: {
        x: { title: { display: true, text: 'night (oldest → newest)', font: { size: 14 } } },
        y: { beginAtZero: true, title: { display: true, text: metric.axis, font: { size: 14 } } },
      },
    },
  } as unknown as ChartConfiguration;
  return { id: `trend-${slug(trend.configId)}-${metric.key}`, title, config };
}

/** The WER, RTFx and peak-RAM charts of one config. */
export function trendCharts(trend: ConfigTrend, nights: TrendNights): ChartSpec[] {
  return TREND_METRICS.map((m) => trendChart(trend, nights, m));
}
