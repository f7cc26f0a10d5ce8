/** Word-timestamp drift along the long pass: how far word starts move from the fp32 oracle's, per section. */
import type { BenchResult } from '@parakeet-bench/core';
import { compareTimestamps } from '@parakeet-bench/core';
import { configLabel } from '../format.ts';
import { baseOptions, slug } from './chart-spec.ts';
import type { ChartSpec } from './chart-spec.ts';

const X_TITLE = 'section start (min)';
const Y_TITLE = 'p95 |word start − oracle word start| (ms)';

/**
 * Per-section p95 word-start difference from the oracle (each section transcribed alone), one line per
 * config, over the words both transcribed alike; undefined when no long result has word times.
 */
export function sectionTimestampChart(dataset: string, results: readonly BenchResult[], colour: (l: string) => string): ChartSpec | undefined {
  const rows = compareTimestamps(results.filter((r) => r.longPass)).filter((t) => t.sections?.some((s) => s.agreement));
  if (rows.length === 0) return undefined;
  const title = `Word-start drift per section vs the fp32 oracle — ${dataset}`;
  return {
    id: `${slug(dataset)}-section-word-start`,
    title,
    config: {
      type: 'line',
      data: {
        datasets: rows.map((t) => ({
          label: configLabel(t.candidate),
          // A section without hit words has no value: a gap, not a zero.
          data: (t.sections ?? []).map((s) => ({ x: s.startSec / 60, y: s.agreement ? s.agreement.p95StartDiffMs : null })),
          borderColor: colour(configLabel(t.candidate)),
          backgroundColor: colour(configLabel(t.candidate)),
          borderWidth: 2,
          pointRadius: 4,
          tension: 0,
          spanGaps: false,
        })),
      },
      options: {
        ...baseOptions(title, X_TITLE, Y_TITLE),
        scales: {
          x: { type: 'linear', min: 0, title: { display: true, text: X_TITLE, font: { size: 14 } } },
          y: { beginAtZero: true, title: { display: true, text: Y_TITLE, font: { size: 14 } } },
        },
      },
    },
  };
}
