/** `png`: one image per chart, for READMEs, PR comments and CI artifacts. */
import { buildCharts } from '../charts/build-charts.ts';
import { renderChartPng } from '../charts/render-png.ts';
import type { ReportFile, Reporter } from './reporter.ts';

/** Renders every chart of the latest run (plus history) to `<dataset>-<chart>.png`. */
export const pngReporter: Reporter = {
  summary: 'PNG charts: per-section WER, encoder similarity along the long pass, WER/CER bars, RTFx vs WER, memory per config, memory against audio length, WER over runs',
  async render({ latest, runs }) {
    const files: ReportFile[] = [];
    for (const { charts } of buildCharts(latest, runs)) {
      for (const spec of charts) files.push({ name: `${spec.id}.png`, data: await renderChartPng(spec) });
    }
    return files;
  },
};
