/**
 * Which results form a run: one `results/<run>/` directory each, in time order, so reports can show
 * the latest state and dashboards a history.
 */
import type { BenchResult } from '@parakeet-bench/core';
import type { StoredResult } from './scan-results.ts';

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

/** Groups results by run directory, oldest first (by finishedAt, then label, then directory); results in config-id order. */
export function groupRuns(loaded: readonly StoredResult[]): Run[] {
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
    return { dir, label, finishedAt, results: [...results].sort((a, b) => (a.config.id < b.config.id ? -1 : a.config.id > b.config.id ? 1 : 0)) };
  });
  return runs.sort(
    (a, b) => a.finishedAt.localeCompare(b.finishedAt) || a.label.localeCompare(b.label) || a.dir.localeCompare(b.dir),
  );
}

/** The newest run, or undefined when there are no results. */
export function latestRun(runs: readonly Run[]): Run | undefined {
  return runs.at(-1);
}

