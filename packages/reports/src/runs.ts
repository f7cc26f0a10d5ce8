/**
 * Groups results into runs (one `results/<run>/` directory each) in time order, so reports can show
 * the latest state and dashboards a history.
 */
import type { BenchResult } from '@parakeet-bench/core';
import type { LoadedResult } from './load-results.ts';

/** All results of one run directory. */
export interface Run {
  /** Directory relative to the results root. */
  readonly dir: string;
  /** Display label: the results' runLabel when they agree on one, else the directory name. */
  readonly label: string;
  /** Latest finishedAt of the run's results (ISO 8601), used for ordering. */
  readonly finishedAt: string;
  readonly results: BenchResult[];
}

/** Groups results by run directory, oldest first (by finishedAt, then label, then directory). */
export function groupRuns(loaded: readonly LoadedResult[]): Run[] {
  const byDir = new Map<string, BenchResult[]>();
  for (const { runDir, result } of loaded) {
    const list = byDir.get(runDir) ?? [];
    list.push(result);
    byDir.set(runDir, list);
  }
  const runs = [...byDir].map(([dir, results]): Run => {
    const labels = new Set(results.map((r) => r.runLabel).filter((l): l is string => l !== undefined));
    const [only] = labels;
    const label = labels.size === 1 && only !== undefined ? only : dir;
    const finishedAt = results.map((r) => r.finishedAt).reduce((a, b) => (a > b ? a : b), '');
    return { dir, label, finishedAt, results: sortResults(results) };
  });
  return runs.sort(
    (a, b) => a.finishedAt.localeCompare(b.finishedAt) || a.label.localeCompare(b.label) || a.dir.localeCompare(b.dir),
  );
}

/** The newest run, or undefined when there are no results. */
export function latestRun(runs: readonly Run[]): Run | undefined {
  return runs.at(-1);
}

/** Stable display order: dataset, variant, backend, threads, decoder. */
export function sortResults(results: readonly BenchResult[]): BenchResult[] {
  return [...results].sort((a, b) => {
    const x = a.config;
    const y = b.config;
    return (
      x.dataset.localeCompare(y.dataset) ||
      x.variant.localeCompare(y.variant) ||
      x.backend.localeCompare(y.backend) ||
      x.threads - y.threads ||
      beamWidth(x.decoder) - beamWidth(y.decoder) ||
      x.id.localeCompare(y.id)
    );
  });
}

/** Beam width of a decoder config; greedy counts as 1. */
export function beamWidth(decoder: BenchResult['config']['decoder']): number {
  return decoder.kind === 'maes' ? decoder.beamWidth : 1;
}

/** Results grouped by dataset name, datasets in sorted order. */
export function byDataset(results: readonly BenchResult[]): Map<string, BenchResult[]> {
  const map = new Map<string, BenchResult[]>();
  for (const r of sortResults(results)) {
    const list = map.get(r.config.dataset) ?? [];
    list.push(r);
    map.set(r.config.dataset, list);
  }
  return map;
}
