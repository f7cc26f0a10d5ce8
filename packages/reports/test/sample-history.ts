/**
 * A history store of three sample nights, recorded as the nightly records them (`recordNight` with
 * the gate's report): night 2 the gate warns on fp32 fleurs-fr greedy, night 3 it fails it and the
 * runtime is upgraded; the baseline is night 1's results.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchResult } from '@parakeet-bench/core';
import { parseBenchResult, rescoreResult } from '@parakeet-bench/core';
import { recordNight } from '@parakeet-bench/results';
import { sampleResult, sampleSpecs } from './sample-results.ts';

/** The config the sample gate warns on (night 2) and fails (night 3). */
export const WATCHED = 'fleurs-fr--fp32--node-cpu-t2--greedy';

/** The nights of the sample history, oldest first. */
export const SAMPLE_NIGHTS = [
  { runId: 'nightly-101', finishedAt: '2026-11-26T03:00:00.000Z', gate: null, runtimeVersion: '1.30.0', damage: 0 },
  { runId: 'nightly-102', finishedAt: '2026-11-27T03:00:00.000Z', gate: 'warn', runtimeVersion: '1.30.0', damage: 0.2 },
  { runId: 'nightly-103', finishedAt: '2026-11-28T03:00:00.000Z', gate: 'fail', runtimeVersion: '1.31.0', damage: 0.4 },
] as const;

function nightResults(n: (typeof SAMPLE_NIGHTS)[number]): BenchResult[] {
  const run = { label: n.runId, finishedAt: n.finishedAt };
  return sampleSpecs().filter((s) => s.backend === 'node-cpu').map((spec) => {
    const watched = spec.variant === 'fp32' && spec.dataset === 'fleurs-fr' && !spec.decoder;
    const input = sampleResult(watched ? { ...spec, damage: (k) => (k === 1 ? n.damage : 0), rtfx: spec.rtfx - n.damage * 10 } : spec, run);
    const r = parseBenchResult(JSON.stringify({ ...input, runId: n.runId }), 'sample');
    const scored = rescoreResult(r, { normalizer: 'default' });
    return { ...scored, environment: { ...scored.environment, runtimeVersion: n.runtimeVersion } };
  });
}

async function writeJsonFiles(dir: string, results: readonly BenchResult[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const r of results) await writeFile(join(dir, `${r.config.id}.json`), JSON.stringify(r));
}

/** Records the sample nights into `<root>/store` and writes night 1 as `<root>/baseline`; returns both paths. */
export async function writeSampleHistory(root: string): Promise<{ store: string; baseline: string }> {
  const store = join(root, 'store');
  for (const n of SAMPLE_NIGHTS) {
    const results = nightResults(n);
    const current = join(root, 'runs', n.runId);
    await writeJsonFiles(current, results);
    let gateReport: string | undefined;
    if (n.gate) {
      gateReport = join(root, 'runs', `${n.runId}-gate.json`);
      const configs = results.map((r) => ({ id: r.config.id, verdict: r.config.id === WATCHED ? n.gate : 'pass' }));
      await writeFile(gateReport, JSON.stringify({ gateReportVersion: 1, verdict: n.gate, counts: { pass: configs.length - 1, warn: n.gate === 'warn' ? 1 : 0, fail: n.gate === 'fail' ? 1 : 0 }, configs, rows: [] }));
    }
    await recordNight({ store, current, ...(gateReport ? { gateReport } : {}), now: new Date(n.finishedAt) });
  }
  const baseline = join(root, 'baseline');
  await writeJsonFiles(baseline, nightResults(SAMPLE_NIGHTS[0]));
  return { store, baseline };
}
