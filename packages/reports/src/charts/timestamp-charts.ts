/** Word-timestamp drift along the long pass: how far word starts move from the fp32 oracle's, per section. */
import type { BenchResult } from '@parakeet-bench/core';
import { compareTimestamps } from '@parakeet-bench/core';
import { configLabel } from '../format.ts';
import { lineChart, lineSeries, slug } from './chart-spec.ts';
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
  return lineChart({
    id: `${slug(dataset)}-section-word-start`,
    title: `Word-start drift per section vs the fp32 oracle — ${dataset}`,
    xTitle: X_TITLE,
    yTitle: Y_TITLE,
    datasets: rows.map((t) =>
      // A section without hit words has no value: a gap, not a zero.
      lineSeries(configLabel(t.candidate), (t.sections ?? []).map((s) => ({ x: s.startSec / 60, y: s.agreement ? s.agreement.p95StartDiffMs : null })), colour(configLabel(t.candidate)), { spanGaps: false }),
    ),
    x: { type: 'linear', min: 0 },
    y: { beginAtZero: true },
  });
}
