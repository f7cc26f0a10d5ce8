/** The memory charts: what each config costs (runtime, model, inference), and memory against audio length. */
import type { BenchResult } from '@parakeet-bench/core';
import { CHROMIUM_ARRAY_BUFFER_MAX_BYTES, WASM32_HEAP_MAX_BYTES } from '@parakeet-bench/core';
import { configLabel, toMiB } from '../format.ts';
import { profileRows } from '../memory-rows.ts';
import { horizontalBarChart, lineChart, lineSeries, slug } from './chart-spec.ts';
import type { ChartSpec } from './chart-spec.ts';

const round = (bytes: number) => Math.round(toMiB(bytes));

/** Memory per config as stacked bars: runtime baseline, then the model, then what inference adds on top. */
export function peakRamChart(dataset: string, results: readonly BenchResult[]): ChartSpec | undefined {
  const ok = results.filter((r) => r.status === 'ok' && r.memory?.inferencePeakBytes !== undefined);
  if (ok.length === 0) return undefined;
  const title = `Memory per config — ${dataset}`;
  const m = (r: BenchResult) => r.memory!;
  return horizontalBarChart({
    id: `${slug(dataset)}-peak-ram`,
    title,
    labels: ok.map(configLabel),
    datasets: [
      { label: 'runtime baseline (MiB)', data: ok.map((r) => round(m(r).runtimeBaselineRssBytes ?? 0)), backgroundColor: '#999999' },
      { label: 'model (MiB)', data: ok.map((r) => round(Math.max(0, m(r).modelBytes ?? 0))), backgroundColor: '#0072B2' },
      { label: 'inference on top of the model (MiB)', data: ok.map((r) => round(Math.max(0, (m(r).inferencePeakBytes ?? 0) - Math.max(0, m(r).modelBytes ?? 0)))), backgroundColor: '#009E73' },
    ],
    valueTitle: 'resident memory at the inference peak (MiB)',
    stacked: true,
  });
}

/** A horizontal reference line from x = 0 to `xMax`, dashed, drawn as its own line dataset. */
function wall(label: string, bytes: number, xMax: number, colour: string) {
  const y = round(bytes);
  return lineSeries(label, [{ x: 0, y }, { x: xMax, y }], colour, { borderDash: [8, 6], pointRadius: 0 });
}

/**
 * Inference peak (above the runtime baseline, model included) against audio length, one line per
 * profiled config, on a log scale so the fixture's megabytes and the browser's walls (one 2 GiB
 * buffer, the 4 GiB wasm32 heap) show together.
 */
export function memoryProfileChart(dataset: string, results: readonly BenchResult[], colour: (l: string) => string): ChartSpec | undefined {
  const rows = profileRows(results);
  if (rows.length === 0) return undefined;
  const xMax = Math.max(...rows.flatMap((r) => r.points.map((p) => p.audioSec)));
  const title = `Memory against audio length — ${dataset}`;
  const yTitle = 'inference peak above the runtime baseline (MiB, log scale)';
  return lineChart({
    id: `${slug(dataset)}-memory-profile`,
    title,
    xTitle: 'audio in one pass (s)',
    yTitle,
    datasets: [
      ...rows.map((r) =>
        lineSeries(
          r.label,
          r.points.filter((p) => p.status === 'ok' && p.memory?.inferencePeakBytes !== undefined).map((p) => ({ x: p.audioSec, y: Math.max(1, round(p.memory!.inferencePeakBytes!)) })),
          colour(r.label),
        ),
      ),
      wall('browser: largest single buffer / fetch (2 GiB - 2 MiB)', CHROMIUM_ARRAY_BUFFER_MAX_BYTES, xMax, '#D55E00'),
      wall('browser: wasm32 heap (4 GiB)', WASM32_HEAP_MAX_BYTES, xMax, '#000000'),
    ],
    x: { type: 'linear', min: 0 },
    y: { type: 'logarithmic' },
  });
}
