import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sample, writeSamples } from '../test/sample.ts';
import { groupRuns, latestRun, newestRunPerDirectory, requireOneRun } from './runs.ts';
import { scanResults } from './scan-results.ts';

describe('groupRuns', () => {
  it('orders runs by finishedAt and labels them by runLabel (else their directory)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'results-runs-'));
    await writeSamples(join(dir, 'z-old'), [sample('a', { finishedAt: '2026-11-01T00:00:00.000Z', runLabel: 'nightly-1' }), sample('b', { finishedAt: '2026-11-01T00:01:00.000Z', runLabel: 'nightly-1' })]);
    await writeSamples(join(dir, 'a-new'), [sample('a', { finishedAt: '2026-11-02T00:00:00.000Z' })]);
    const runs = groupRuns((await scanResults(dir)).results);
    expect(runs.map((r) => [r.dir, r.label, r.results.length])).toEqual([
      ['z-old', 'nightly-1', 2],
      ['a-new', 'a-new', 1],
    ]);
    expect(latestRun(runs)?.dir).toBe('a-new');
    expect(latestRun([])).toBeUndefined();
  });
});

describe('one run per directory', () => {
  const inRun = (dataset: string, runId: string | undefined, finishedAt: string) => ({ ...sample(dataset, { finishedAt }), ...(runId ? { runId } : {}) });

  it('refuses a directory holding two runs (an interrupted --force), naming both and the fix', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'results-runs-'));
    await writeSamples(dir, [inRun('a', 'run-old', '2026-11-01T00:00:00.000Z'), inRun('b', 'run-new', '2026-11-02T00:00:00.000Z'), inRun('c', 'run-new', '2026-11-02T00:01:00.000Z')]);
    const stored = (await scanResults(dir)).results;
    expect(() => requireOneRun(stored, 'results/latest')).toThrow(
      /results\/latest holds results of 2 runs \(run run-old: 1 result, .*; run run-new: 2 results, .*\); .*complete the newest run/,
    );
    expect(() => requireOneRun(stored.slice(1), 'x')).not.toThrow();
  });

  it('reports keep the newest run of a directory and say what they left out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'results-runs-'));
    await writeSamples(join(dir, 'latest'), [inRun('a', undefined, '2026-11-01T00:00:00.000Z'), inRun('b', 'run-new', '2026-11-02T00:00:00.000Z')]);
    const { kept, notices } = newestRunPerDirectory((await scanResults(dir)).results);
    expect(kept.map((r) => r.result.config.dataset)).toEqual(['b']);
    expect(notices).toEqual(['latest: left out 1 result of results without a run id (written before run ids), older than run run-new in the same directory']);
  });
});
