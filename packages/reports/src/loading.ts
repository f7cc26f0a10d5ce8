/**
 * The model-loading table shared by the reporters: per browser loader, how long the load took and
 * what the renderer held at peak and once loaded; node-cpu configs whose weights onnxruntime-node
 * maps are listed beside them, marked, because their RAM is not the same measurement.
 */
import type { BenchResult } from '@parakeet-bench/core';
import { threadsLabel, weightsMapped } from '@parakeet-bench/core';
import { formatMiB } from './format.ts';

/** Footnote for the `†` of node-cpu rows. */
export const MAPPED_FOOTNOTE =
  "† onnxruntime-node memory-maps external data: weights count toward RSS only once inference reads them, so its RAM is not comparable with a browser loader's, which copies every weight into the wasm heap";

/** One row of the table, as display strings. */
export interface LoadingRow {
  readonly variant: string;
  readonly backend: string;
  readonly loader: string;
  readonly load: string;
  readonly peak: string;
  readonly afterLoad: string;
  readonly status: BenchResult['status'];
}

/** Resident right after the model loaded: runtime baseline + model (schema-1 results: as they recorded it). */
function afterLoad(r: BenchResult): number | undefined {
  const m = r.memory;
  if (m?.runtimeBaselineRssBytes !== undefined && m.modelBytes !== undefined) return m.runtimeBaselineRssBytes + m.modelBytes;
  return m?.legacy?.afterLoadRssBytes;
}

/** Rows for the browser configs of `results` (none: no table) plus the mapped node-cpu ones. */
export function loadingRows(results: readonly BenchResult[]): LoadingRow[] {
  if (!results.some((r) => r.config.loader)) return [];
  return results
    .filter((r) => r.config.loader || weightsMapped(r))
    .map((r) => ({
      variant: r.config.variant,
      backend: `${r.config.backend} · ${threadsLabel(r.config.threads)}`,
      loader: r.config.loader ?? 'mmap †',
      load: r.timing ? `${(r.timing.loadMs / 1000).toFixed(1)} s` : '–',
      peak: formatMiB(r.memory?.peakRssBytes),
      afterLoad: formatMiB(afterLoad(r)),
      status: r.status,
    }));
}
