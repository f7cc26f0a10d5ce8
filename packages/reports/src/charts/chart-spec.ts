/**
 * Chart descriptions shared by the PNG and HTML reporters. Configs are plain JSON (no callbacks) so
 * the very same object is rendered in Node and embedded in the dashboard.
 */
import type { ChartConfiguration } from 'chart.js';

/** One chart: a stable id (used as the PNG file name) and its Chart.js config. */
export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly config: ChartConfiguration;
}

/** Colour-blind-friendly palette (Okabe–Ito, with its yellow darkened to read on white), assigned by config label. */
export const PALETTE: readonly string[] = [
  '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#B8860B',
  '#882255', '#44AA99', '#999933', '#AA4499',
];

/** Maps each label to a fixed colour, so a config keeps its colour across every chart of a report. */
export function colourMap(labels: Iterable<string>): (label: string) => string {
  const sorted = [...new Set(labels)].sort();
  const index = new Map(sorted.map((l, i) => [l, i]));
  return (label) => PALETTE[(index.get(label) ?? 0) % PALETTE.length] ?? '#000000';
}

/** File-name-safe slug of a dataset or config name. */
export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unnamed';
}

/** Title and axis options every chart shares: units in axis titles, legend on top. */
export function baseOptions(title: string, xTitle: string, yTitle: string): NonNullable<ChartConfiguration['options']> {
  return {
    plugins: {
      title: { display: true, text: title, font: { size: 20, weight: 'bold' } },
      legend: { display: true, position: 'top' },
    },
    scales: {
      x: { title: { display: true, text: xTitle, font: { size: 14 } } },
      y: { title: { display: true, text: yTitle, font: { size: 14 } } },
    },
  };
}

/** An axis with its title (every chart titles both axes, units included) and any other options. */
export function axis(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...extra, title: { display: true, text, font: { size: 14 } } };
}

/** One line of a line chart in a fixed colour. */
export function lineSeries(label: string, data: unknown[], colour: string, extra: Record<string, unknown> = {}) {
  return { label, data, borderColor: colour, backgroundColor: colour, borderWidth: 2, pointRadius: 4, tension: 0, ...extra };
}

/** What a line chart needs: its series, axis titles and options (`x`/`y` extra axis options). */
export interface LineChartParts {
  readonly id: string;
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly datasets: unknown[];
  /** Category labels of the x axis (absent: a linear x axis from the points). */
  readonly labels?: string[];
  readonly x?: Record<string, unknown>;
  readonly y?: Record<string, unknown>;
}

/** A line chart with titled axes. */
export function lineChart(p: LineChartParts): ChartSpec {
  return {
    id: p.id,
    title: p.title,
    config: {
      type: 'line',
      data: { ...(p.labels ? { labels: p.labels } : {}), datasets: p.datasets as never },
      options: { ...baseOptions(p.title, p.xTitle, p.yTitle), scales: { x: axis(p.xTitle, p.x), y: axis(p.yTitle, p.y) } },
    },
  };
}

/** Horizontal bars, one row per config label; `stacked` adds a row's bars up, otherwise bars sharing a stack id share a slot. */
export function horizontalBarChart(p: { id: string; title: string; labels: string[]; datasets: unknown[]; valueTitle: string; stacked: boolean }): ChartSpec {
  return {
    id: p.id,
    title: p.title,
    config: {
      type: 'bar',
      data: { labels: p.labels, datasets: p.datasets as never },
      options: {
        ...baseOptions(p.title, p.valueTitle, 'config'),
        indexAxis: 'y',
        scales: {
          x: axis(p.valueTitle, { stacked: p.stacked, ...(p.stacked ? { beginAtZero: true } : {}) }),
          y: axis('config', p.stacked ? { stacked: true } : {}),
        },
      },
    },
  };
}
