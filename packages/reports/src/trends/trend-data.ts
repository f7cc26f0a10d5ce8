/**
 * Per-config series over nights, for the dashboard's trend charts: each run (a night of the history
 * store, or a run directory) is one x position; a config's point there is its result that night,
 * with the gate's verdict on it, what changed in its environment since its previous night, and
 * whether the current baseline was taken from that night.
 */
import type { BenchResult } from '@parakeet-bench/core';
import type { Night, NightVerdict, Run } from '@parakeet-bench/results';
import { configLabel } from '../format.ts';
import { sortResults } from '../order.ts';

/** Environment fields whose change is marked on a trend (the gate compares the same ones by default). */
export const TREND_ENV_FIELDS = ['cpuModel', 'cores', 'platform', 'arch', 'node', 'runtime', 'runtimeVersion', 'browser'] as const;

/** One config on one night. */
export interface TrendPoint {
  /** The config's result that night, absent when it did not run. */
  readonly result?: BenchResult;
  /** The gate's verdict on this config that night, when the night was gated. */
  readonly gate?: NightVerdict;
  /** `field old → new` for each environment field that differs from the config's previous night. */
  readonly envChanges: string[];
  /** The current baseline's results came from this night (by run label). */
  readonly baselineNight: boolean;
}

/** One config's series over all nights. */
export interface ConfigTrend {
  readonly configId: string;
  readonly label: string;
  /** One point per night, aligned with {@link TrendNights.labels}. */
  readonly points: TrendPoint[];
  /** The config's result in the current baseline, when one was given. */
  readonly baseline?: BenchResult;
}

/** The x axis shared by every trend of a report. */
export interface TrendNights {
  /** Per night: [date, run label] (two lines under the axis). */
  readonly labels: [string, string][];
  readonly nights: (Night | undefined)[];
}

/** The x axis of the trends: one entry per run, oldest first. */
export function trendNights(runs: readonly Run[], nights: ReadonlyMap<string, Night>): TrendNights {
  return {
    labels: runs.map((r) => [(nights.get(r.dir)?.finishedAt ?? r.finishedAt).slice(0, 10) || '?', r.label]),
    nights: runs.map((r) => nights.get(r.dir)),
  };
}

function envChanges(prev: BenchResult | undefined, cur: BenchResult): string[] {
  if (!prev) return [];
  return TREND_ENV_FIELDS.filter((f) => prev.environment[f] !== cur.environment[f]).map(
    (f) => `${f} ${String(prev.environment[f] ?? '–')} → ${String(cur.environment[f] ?? '–')}`,
  );
}

/** Every config of `dataset` seen in any run, with its series; configs in display order. */
export function configTrends(dataset: string, runs: readonly Run[], nights: ReadonlyMap<string, Night>, baseline: readonly BenchResult[] = []): ConfigTrend[] {
  const latest = new Map<string, BenchResult>();
  for (const run of runs) for (const r of run.results) if (r.config.dataset === dataset) latest.set(r.config.id, r);
  const baselineLabels = new Set(baseline.map((b) => b.runLabel).filter((l) => l !== undefined));
  return sortResults([...latest.values()]).map((sample) => {
    const id = sample.config.id;
    let prev: BenchResult | undefined;
    const points = runs.map((run): TrendPoint => {
      const result = run.results.find((r) => r.config.id === id);
      const gate = nights.get(run.dir)?.gate?.configs[id];
      const changes = result ? envChanges(prev, result) : [];
      if (result) prev = result;
      return { ...(result ? { result } : {}), ...(gate ? { gate } : {}), envChanges: changes, baselineNight: result !== undefined && baselineLabels.has(run.label) };
    });
    const base = baseline.find((b) => b.config.id === id);
    return { configId: id, label: configLabel(sample), points, ...(base ? { baseline: base } : {}) };
  });
}

/** The most severe gate verdict of a config's newest gated night, for ordering and the selector. */
export function latestGate(trend: ConfigTrend): NightVerdict | undefined {
  return trend.points.filter((p) => p.result).at(-1)?.gate;
}
