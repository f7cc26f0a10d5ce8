/** WER across runs, so regressions between commits show up as a jump in one line. */
import type { BenchResult } from '@parakeet-bench/core';
import { configLabel } from '../format.ts';
import type { Run } from '@parakeet-bench/results';
import { lineChart, lineSeries, slug } from './chart-spec.ts';
import type { ChartSpec } from './chart-spec.ts';

/** One line per config of `dataset`, x = run label in time order; undefined with fewer than 2 runs. */
export function werHistoryChart(dataset: string, runs: readonly Run[], colour: (l: string) => string): ChartSpec | undefined {
  if (runs.length < 2) return undefined;
  const series = new Map<string, (number | null)[]>();
  runs.forEach((run, i) => {
    for (const r of run.results) {
      if (r.config.dataset !== dataset || r.status !== 'ok' || !r.accuracy) continue;
      const label = configLabel(r);
      const line = series.get(label) ?? Array<number | null>(runs.length).fill(null);
      line[i] = Math.round(r.accuracy.wer * 10000) / 100;
      series.set(label, line);
    }
  });
  if (series.size === 0) return undefined;
  const title = `WER over runs — ${dataset}`;
  return lineChart({
    id: `${slug(dataset)}-wer-history`,
    title,
    xTitle: 'run (oldest → newest)',
    yTitle: 'WER (%)',
    labels: runs.map((r) => r.label),
    datasets: [...series].sort(([a], [b]) => a.localeCompare(b)).map(([label, data]) => lineSeries(label, data, colour(label), { spanGaps: true, borderWidth: 3 })),
    y: { beginAtZero: true },
  });
}

/** Datasets that appear in any run. */
export function datasetsOf(results: readonly BenchResult[]): string[] {
  return [...new Set(results.map((r) => r.config.dataset))].sort();
}
