import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sample, writeSamples } from '../test/sample.ts';
import { groupRuns, latestRun } from './runs.ts';
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
