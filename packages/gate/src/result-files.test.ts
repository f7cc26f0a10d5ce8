import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fleursResult, longResult, writeResults } from '../test/sample-results.ts';
import { readResults, readResultSet } from './result-files.ts';

const temp = () => mkdtemp(join(tmpdir(), 'gate-results-'));

describe('readResultSet', () => {
  it('reads run subdirectories as repeats and skips non-result JSON', async () => {
    const dir = await temp();
    await writeResults(join(dir, 'run-1'), [fleursResult(), longResult()]);
    await writeResults(join(dir, 'run-2'), [fleursResult()]);
    await writeFile(join(dir, 'gate-report.json'), JSON.stringify({ gateReportVersion: 1 }));
    await writeFile(join(dir, '.tmp.json'), 'half a fi');
    const set = await readResultSet(dir);
    expect(set.files.map((f) => f.result.config.dataset)).toEqual(['fleurs-fr', 'jfk-long', 'fleurs-fr']);
    expect(set.skipped).toEqual([join(dir, 'gate-report.json')]);
    expect((await readResultSet(dir, { recursive: false })).files).toEqual([]);
  });

  it('reads a single file and a JSON array file', async () => {
    const dir = await temp();
    const [file] = await writeResults(dir, [fleursResult()]);
    expect((await readResults(file!)).length).toBe(1);
    await writeFile(join(dir, 'all.json'), JSON.stringify([fleursResult(), longResult()]));
    expect((await readResults(join(dir, 'all.json'))).map((r) => r.config.dataset)).toEqual(['fleurs-fr', 'jfk-long']);
  });

  it('names the file for invalid JSON and for a result that fails the schema', async () => {
    const dir = await temp();
    await writeFile(join(dir, 'broken.json'), '{"schemaVersion": 1,');
    await expect(readResults(dir)).rejects.toThrow(`${join(dir, 'broken.json')}: not valid JSON`);
    const bad = await temp();
    await writeFile(join(bad, 'x.json'), JSON.stringify({ ...fleursResult(), status: 'maybe' }));
    await expect(readResults(bad)).rejects.toThrow(`${join(bad, 'x.json')}: invalid result`);
    const old = await temp();
    await writeFile(join(old, 'y.json'), JSON.stringify({ ...fleursResult(), schemaVersion: 0 }));
    await expect(readResults(old)).rejects.toThrow(/y\.json: result schemaVersion 0 is not the supported 1; rerun the bench/);
  });

  it('names the fix for a missing path and for a directory without results', async () => {
    const dir = await temp();
    await expect(readResults(join(dir, 'nope'))).rejects.toThrow(/nope: no such results file or directory; run `bench run` first/);
    await mkdir(join(dir, 'empty'));
    await expect(readResults(join(dir, 'empty'))).rejects.toThrow(/empty: no result files found; run `bench run`/);
  });
});
