/** Assembles every chart of a report from the latest run (and the run history). */
import { configLabel } from '../format.ts';
import type { Run } from '@parakeet-bench/results';
import { byDataset } from '../order.ts';
import { colourMap } from './chart-spec.ts';
import type { ChartSpec } from './chart-spec.ts';
import { errorBarsChart, rtfxVsWerChart, sectionWerChart } from './dataset-charts.ts';
import { fidelityChart } from './fidelity-chart.ts';
import { memoryProfileChart, peakRamChart } from './memory-charts.ts';
import { werHistoryChart } from './history-chart.ts';
import { sectionTimestampChart } from './timestamp-charts.ts';

/** Charts of one dataset, in reading order. */
export interface DatasetCharts {
  readonly dataset: string;
  readonly charts: ChartSpec[];
}

/** Builds the charts for every dataset of `latest`; history charts use all `runs`. */
export function buildCharts(latest: Run, runs: readonly Run[]): DatasetCharts[] {
  const colour = colourMap(runs.flatMap((r) => r.results.map(configLabel)));
  return [...byDataset(latest.results)].map(([dataset, results]) => ({
    dataset,
    charts: [
      sectionWerChart(dataset, results, colour),
      fidelityChart(dataset, results, colour),
      sectionTimestampChart(dataset, results, colour),
      errorBarsChart(dataset, results),
      rtfxVsWerChart(dataset, results, colour),
      peakRamChart(dataset, results),
      memoryProfileChart(dataset, results, colour),
      werHistoryChart(dataset, runs, colour),
    ].filter((c): c is ChartSpec => c !== undefined),
  }));
}
