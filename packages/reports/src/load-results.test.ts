import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadResults } from './load-results.ts';
import { groupRuns, latestRun } from './runs.ts';
import { SAMPLE_RUNS, writeSampleResults } from './testing/sample-results.ts';

let dir = '';
let written: string[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reports-load-'));
  written = await writeSampleResults(dir);
  await mkdir(join(dir, 'broken'));
  await writeFile(join(dir, 'broken', 'not-json.json'), '{ nope');
  await writeFile(join(dir, 'broken', 'old.json'), JSON.stringify({ schemaVersion: 0 }));
  await writeFile(join(dir, 'broken', 'bad-shape.json'), JSON.stringify({ schemaVersion: 1, config: {} }));
  await writeFile(join(dir, 'broken', 'notes.txt'), 'ignored');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('loadResults', () => {
  it('reads every result recursively and tags it with its run directory', async () => {
    const { results } = await loadResults(dir);
    expect(results).toHaveLength(written.length);
    expect(new Set(results.map((r) => r.runDir))).toEqual(new Set(SAMPLE_RUNS.map((r) => r.dir)));
  });

  it('skips committed baselines under the results root, but reads one given directly', async () => {
    const root = await mkdtemp(join(tmpdir(), 'reports-baseline-'));
    await writeSampleResults(join(root, 'baseline', 'fixture'));
    await writeSampleResults(join(root, 'runs'));
    expect((await loadResults(root)).results.every((r) => !r.file.includes('/baseline/'))).toBe(true);
    expect((await loadResults(root)).results.length).toBeGreaterThan(0);
    expect((await loadResults(join(root, 'baseline', 'fixture'))).results.length).toBeGreaterThan(0);
    await rm(root, { recursive: true, force: true });
  });

  it('records invalid files with the file name and reason instead of failing', async () => {
    const { invalid } = await loadResults(dir);
    const byName = Object.fromEntries(invalid.map((i) => [i.file.split('/').at(-1), i.reason]));
    expect(Object.keys(byName).sort()).toEqual(['bad-shape.json', 'not-json.json', 'old.json']);
    expect(byName['not-json.json']).toMatch(/not-json\.json: not valid JSON/);
    expect(byName['old.json']).toMatch(/schemaVersion 0 is not the supported 1; rerun the bench/);
    expect(byName['bad-shape.json']).toMatch(/bad-shape\.json: invalid result/);
  });

  it('accepts a list of files', async () => {
    const { results, invalid } = await loadResults(written.slice(0, 2));
    expect(results).toHaveLength(2);
    expect(invalid).toHaveLength(0);
    expect(results[0]?.runDir).toBe(SAMPLE_RUNS[0].dir);
  });

  it('names a missing path and the fix', async () => {
    await expect(loadResults(join(dir, 'nope'))).rejects.toThrow(/results path .*nope does not exist; run `bench run` first/);
  });
});

describe('groupRuns', () => {
  it('orders runs by finishedAt and labels them by runLabel', async () => {
    const { results } = await loadResults(dir);
    const runs = groupRuns(results);
    expect(runs.map((r) => r.label)).toEqual(SAMPLE_RUNS.map((r) => r.label));
    expect(latestRun(runs)?.dir).toBe(SAMPLE_RUNS[1].dir);
    expect(latestRun([])).toBeUndefined();
  });
});
