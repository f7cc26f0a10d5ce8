/**
 * What every reporter shows of memory, in one place: per config the runtime baseline, the model and
 * the inference peak (above the runtime baseline, model included); per profiled config the inference
 * peak and model per prefix of the long recording. Schema-1 results measured none of these apart.
 */
import type { BenchResult, MemoryProfilePoint } from '@parakeet-bench/core';
import { configLabel, formatMiB } from './format.ts';

/** Display cells of a config's memory. */
export interface MemoryCells {
  readonly runtime: string;
  readonly model: string;
  readonly peak: string;
}

/** The three memory cells of a result (`–` where not measured). */
export function memoryCells(r: BenchResult): MemoryCells {
  const m = r.memory;
  return { runtime: formatMiB(m?.runtimeBaselineRssBytes), model: formatMiB(m?.modelBytes), peak: formatMiB(m?.inferencePeakBytes) };
}

/** What the three memory columns mean (one sentence per report). */
export const MEMORY_LEGEND =
  'Memory: runtime = resident set once the runtime is initialised and has run a trivial session (audio loaded, no model); model = what loading the model added; peak = inference peak above the runtime baseline (model included; for a config that reused a cached encoder output, the encoder run measured with the cache entry and its own decoding).';

/** The footnote for results read from schema-1 files, when there are any. */
export function legacyMemoryNote(results: readonly BenchResult[]): string | null {
  const n = results.filter((r) => r.memory?.legacy).length;
  return n === 0 ? null : `${n} result${n === 1 ? '' : 's'} written by result schema 1 measured memory before the runtime/model split (–): rerun to measure them.`;
}

/** One profiled config: its label (configLabel, so it keeps its colour) and its points, shortest prefix first. */
export interface ProfileRow {
  readonly label: string;
  readonly points: readonly MemoryProfilePoint[];
}

/** The profiled configs of a dataset's results. */
export function profileRows(results: readonly BenchResult[]): ProfileRow[] {
  return results
    .filter((r) => r.memoryProfile)
    .map((r) => ({
      label: configLabel(r),
      points: r.memoryProfile!.points,
    }));
}

/** The prefixes (seconds) any profiled config of `rows` measured, increasing. */
export function profilePrefixes(rows: readonly ProfileRow[]): number[] {
  return [...new Set(rows.flatMap((r) => r.points.map((p) => p.audioSec)))].sort((a, b) => a - b);
}

/** A point's cell: `412 MiB (2 MiB)` = inference peak (model), or its status. */
export function pointCell(p: MemoryProfilePoint | undefined): string {
  if (!p) return '–';
  if (p.status !== 'ok') return p.status;
  return `${formatMiB(p.memory?.inferencePeakBytes)} (${formatMiB(p.memory?.modelBytes)})`;
}
