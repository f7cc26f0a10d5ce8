/** Encoder fidelity along the long pass: cosine against the oracle per window of frames, one line per variant. */
import type { BenchResult } from '@parakeet-bench/core';
import { fidelityRows } from '../fidelity-rows.ts';
import { baseOptions, slug } from './chart-spec.ts';
import type { ChartSpec } from './chart-spec.ts';

/** The chart of a long dataset whose results carry per-window fidelity. */
export function fidelityChart(dataset: string, results: readonly BenchResult[], colour: (l: string) => string): ChartSpec | undefined {
  const rows = fidelityRows(results).filter((r) => r.fidelity.windows?.length);
  if (rows.length === 0) return undefined;
  const windowSec = rows[0]!.fidelity.windowSec ?? 10;
  const title = `Encoder output vs the oracle along the long pass — ${dataset} (${windowSec} s windows)`;
  const yTitle = `cosine similarity with ${rows[0]!.oracle}'s encoder output`;
  return {
    id: `${slug(dataset)}-encoder-fidelity`,
    title,
    config: {
      type: 'line',
      data: {
        datasets: rows.map((r) => {
          return {
            label: `${r.variant} · ${r.setting}`,
            data: r.fidelity.windows!.map((w) => ({ x: (w.startSec + w.endSec) / 2 / 60, y: w.cosine })),
            borderColor: colour(r.colourKey),
            backgroundColor: colour(r.colourKey),
            borderWidth: 2,
            pointRadius: 2,
            tension: 0,
          };
        }),
      },
      options: {
        ...baseOptions(title, 'window centre (min)', yTitle),
        scales: {
          x: { type: 'linear', min: 0, title: { display: true, text: 'window centre (min)', font: { size: 14 } } },
          y: { max: 1, title: { display: true, text: yTitle, font: { size: 14 } } },
        },
      },
    },
  };
}
