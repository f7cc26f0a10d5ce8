import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sample } from '../test/sample.ts';
import { canonicalJson, readResultFile, resultFileName, resultPath, writeResult } from './result-file.ts';

describe('result files', () => {
  it('writes a validated result and reads it back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'results-file-'));
    const r = sample('fleurs-fr');
    const path = resultPath(dir, r.config.id);
    await writeResult(path, r);
    expect(await readResultFile(path)).toEqual({ result: r });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(r);
  });

  it('refuses to write an invalid result, naming the config and the field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'results-file-'));
    const bad = { ...sample('x'), timing: { rtf: null } } as unknown as Parameters<typeof writeResult>[1];
    await expect(writeResult(join(dir, 'x.json'), bad)).rejects.toThrow(/result of x__fp32__node-cpu-t1__greedy is invalid, not written .*timing/s);
  });

  it('gives no result, with the reason, for a missing or invalid file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'results-file-'));
    expect(await readResultFile(join(dir, 'none.json'))).toEqual({ result: null, reason: 'no result yet' });
    await writeFile(join(dir, 'bad.json'), '{');
    expect(await readResultFile(join(dir, 'bad.json'))).toMatchObject({ result: null, reason: expect.stringMatching(/not valid JSON/) });
  });

  it('refuses config ids that are not safe file names', () => {
    expect(resultFileName('a__b-c.d')).toBe('a__b-c.d.json');
    for (const id of ['../x', '.hidden', 'a/b', '']) expect(() => resultFileName(id)).toThrow(/not a safe file name/);
  });

  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(canonicalJson({ a: { c: [3, { e: 2, f: 1 }], d: 2 }, b: 1 }));
  });
});
