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


/** Results grouped by run id (`''` for results written before run ids existed), in input order. */
export function byRunId(results: readonly StoredResult[]): Map<string, StoredResult[]> {
  const out = new Map<string, StoredResult[]>();
  for (const r of results) {
    const id = r.result.runId ?? '';
    out.set(id, [...(out.get(id) ?? []), r]);
  }
  return out;
}

const runName = (id: string): string => (id === '' ? 'results without a run id (written before run ids)' : `run ${id}`);
const newestFinish = (rs: readonly StoredResult[]): string => rs.map((r) => r.result.finishedAt).reduce((a, b) => (a > b ? a : b), '');

/**
 * Throws when `results` (one directory's) hold more than one run: an interrupted `bench run --force`
 * or two sweeps into one directory. Names the runs and the fix.
 */
export function requireOneRun(results: readonly StoredResult[], where: string): void {
  const runs = byRunId(results);
  if (runs.size <= 1) return;
  const list = [...runs].map(([id, rs]) => `${runName(id)}: ${rs.length} result${rs.length === 1 ? '' : 's'}, last finished ${newestFinish(rs) || '?'}`).join('; ');
  throw new Error(
    `${where} holds results of ${runs.size} runs (${list}); they cannot be compared as one run: rerun \`bench run\` without --force into it to complete the newest run, or pass the directory of a single run`,
  );
}

/**
 * Keeps, per run directory, only the results of its newest run (the run id whose results finished
 * last), and says what it left out: reports and dashboards show one consistent run per directory.
 */
export function newestRunPerDirectory(results: readonly StoredResult[]): { kept: StoredResult[]; notices: string[] } {
  const byDir = new Map<string, StoredResult[]>();
  for (const r of results) byDir.set(r.runDir, [...(byDir.get(r.runDir) ?? []), r]);
  const kept: StoredResult[] = [];
  const notices: string[] = [];
  for (const [dir, rs] of byDir) {
    const runs = [...byRunId(rs)].sort((a, b) => newestFinish(b[1]).localeCompare(newestFinish(a[1])));
    kept.push(...runs[0]![1]);
    for (const [id, left] of runs.slice(1)) {
      notices.push(`${dir === '.' ? 'the results directory' : dir}: left out ${left.length} result${left.length === 1 ? '' : 's'} of ${runName(id)}, older than ${runName(runs[0]![0])} in the same directory`);
    }
  }
  return { kept, notices };
}
