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
