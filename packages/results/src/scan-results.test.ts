import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sample, writeSamples } from '../test/sample.ts';
import { readResultsStrict, scanResults } from './scan-results.ts';

const temp = () => mkdtemp(join(tmpdir(), 'results-scan-'));

describe('scanResults', () => {
  it('reads run subdirectories recursively, tags each with its run dir, and skips non-result JSON and dot files', async () => {
    const dir = await temp();
    await writeSamples(join(dir, 'run-1'), [sample('fleurs-fr'), sample('jfk-long')]);
    await writeSamples(join(dir, 'run-2'), [sample('fleurs-fr')]);
    await writeFile(join(dir, 'gate-report.json'), JSON.stringify({ gateReportVersion: 1 }));
    await writeFile(join(dir, '.tmp.json'), 'half a fi');
    await writeFile(join(dir, 'notes.txt'), 'ignored');
    const scan = await scanResults(dir);
    expect(scan.results.map((f) => [f.runDir, f.result.config.dataset])).toEqual([
      ['run-1', 'fleurs-fr'],
      ['run-1', 'jfk-long'],
      ['run-2', 'fleurs-fr'],
    ]);
    expect(scan.skipped).toEqual([join(dir, 'gate-report.json')]);
    expect(scan.invalid).toEqual([]);
    expect((await scanResults(dir, { recursive: false })).results).toEqual([]);
  });

  it('skips committed baselines under the results root, but reads one given directly', async () => {
    const root = await temp();
    await writeSamples(join(root, 'baseline', 'fixture'), [sample('a')]);
    await writeSamples(join(root, 'runs'), [sample('b')]);
    expect((await scanResults(root)).results.map((r) => r.result.config.dataset)).toEqual(['b']);
    expect((await scanResults(join(root, 'baseline', 'fixture'))).results.map((r) => r.result.config.dataset)).toEqual(['a']);
  });

  it('reads a single file, a list of files and a JSON array file', async () => {
    const dir = await temp();
    const [a, b] = await writeSamples(join(dir, 'run-7'), [sample('a'), sample('b')]);
    expect((await scanResults(a!)).results.map((r) => r.runDir)).toEqual(['run-7']);
    expect((await scanResults([a!, b!])).results).toHaveLength(2);
    await writeFile(join(dir, 'all.json'), JSON.stringify([sample('x'), sample('y')]));
    expect((await scanResults(join(dir, 'all.json'))).results.map((r) => [r.source.split('/').at(-1), r.result.config.dataset])).toEqual([
      ['all.json[0]', 'x'],
      ['all.json[1]', 'y'],
    ]);
  });

  it('records invalid files with the file name and reason', async () => {
    const dir = await temp();
    await writeFile(join(dir, 'not-json.json'), '{ nope');
    await writeFile(join(dir, 'old.json'), JSON.stringify({ schemaVersion: 0 }));
    await writeFile(join(dir, 'bad-shape.json'), JSON.stringify({ schemaVersion: 1, config: {} }));
    await writeFile(join(dir, 'empty-array.json'), '[]');
    const { invalid } = await scanResults(dir);
    const byName = Object.fromEntries(invalid.map((i) => [i.file.split('/').at(-1), i.reason]));
    expect(Object.keys(byName).sort()).toEqual(['bad-shape.json', 'empty-array.json', 'not-json.json', 'old.json']);
    expect(byName['empty-array.json']).toMatch(/empty-array\.json: an empty JSON array holds no result/);
    expect(byName['not-json.json']).toMatch(/not-json\.json: not valid JSON/);
    expect(byName['old.json']).toMatch(/schemaVersion 0 is not one this harness reads \(1 to 2\); rerun the bench to regenerate it/);
    expect(byName['bad-shape.json']).toMatch(/bad-shape\.json: invalid result/);
  });

  it('names a missing path and the fix', async () => {
    const dir = await temp();
    await expect(scanResults(join(dir, 'nope'))).rejects.toThrow(/nope: no such results file or directory; run `bench run` first/);
  });
});

describe('readResultsStrict', () => {
  it('throws naming the file for invalid JSON, a schema failure and an old schema', async () => {
    const dir = await temp();
    await writeFile(join(dir, 'broken.json'), '{"schemaVersion": 1,');
    await expect(readResultsStrict(dir)).rejects.toThrow(`${join(dir, 'broken.json')}: not valid JSON`);
    const bad = await temp();
    await writeFile(join(bad, 'x.json'), JSON.stringify({ ...sample('f'), status: 'maybe' }));
    await expect(readResultsStrict(bad)).rejects.toThrow(`${join(bad, 'x.json')}: invalid result`);
    const old = await temp();
    await writeFile(join(old, 'y.json'), JSON.stringify({ ...sample('f'), schemaVersion: 0 }));
    await expect(readResultsStrict(old)).rejects.toThrow(/y\.json: result schemaVersion 0 is not one this harness reads \(1 to 2\); rerun the bench/);
  });

  it('names the fix for a directory without results', async () => {
    const dir = await temp();
    await mkdir(join(dir, 'empty'));
    await writeFile(join(dir, 'empty', 'report.json'), '{}');
    await expect(readResultsStrict(join(dir, 'empty'))).rejects.toThrow(/empty: no result files found \(skipped non-result JSON: .*report\.json\); run `bench run`/);
  });
});
