/** Encoder fidelity along the long pass: cosine against the oracle per window of frames, one line per variant. */
import type { BenchResult } from '@parakeet-bench/core';
import { fidelityRows } from '../fidelity-rows.ts';
import { lineChart, lineSeries, slug } from './chart-spec.ts';
import type { ChartSpec } from './chart-spec.ts';

/** The chart of a long dataset whose results carry per-window fidelity. */
export function fidelityChart(dataset: string, results: readonly BenchResult[], colour: (l: string) => string): ChartSpec | undefined {
  const rows = fidelityRows(results).filter((r) => r.fidelity.windows?.length);
  if (rows.length === 0) return undefined;
  const windowSec = rows[0]!.fidelity.windowSec ?? 10;
  const title = `Encoder output vs the oracle along the long pass — ${dataset} (${windowSec} s windows)`;
  const yTitle = `cosine similarity with ${rows[0]!.oracle}'s encoder output`;
  return lineChart({
    id: `${slug(dataset)}-encoder-fidelity`,
    title,
    xTitle: 'window centre (min)',
    yTitle,
    datasets: rows.map((r) =>
      lineSeries(`${r.variant} · ${r.setting}`, r.fidelity.windows!.map((w) => ({ x: (w.startSec + w.endSec) / 2 / 60, y: w.cosine })), colour(r.colourKey), { pointRadius: 2 }),
    ),
    x: { type: 'linear', min: 0 },
    y: { max: 1 },
  });
}
