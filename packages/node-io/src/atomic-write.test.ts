import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeJsonAtomic } from './atomic-write.ts';

describe('writeFileAtomic', () => {
  it('creates the directory, replaces the file whole and leaves no temp file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nio-'));
    const file = join(dir, 'deep', 'r.json');
    await writeJsonAtomic(file, { a: 1 });
    expect(await readFile(file, 'utf8')).toBe('{\n  "a": 1\n}\n');
    await writeFileAtomic(file, new Uint8Array([104, 105]));
    expect(await readFile(file, 'utf8')).toBe('hi');
    expect(await readdir(join(dir, 'deep'))).toEqual(['r.json']);
  });

  it('readers racing many writers only ever see a whole file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nio-'));
    const file = join(dir, 'r.json');
    await writeFile(file, JSON.stringify({ n: -1, pad: 'x'.repeat(100_000) }));
    const writers = Array.from({ length: 20 }, (_, n) => writeJsonAtomic(file, { n, pad: 'x'.repeat(100_000) }));
    const reads: number[] = [];
    for (let k = 0; k < 50; k++) reads.push((JSON.parse(await readFile(file, 'utf8')) as { n: number }).n);
    await Promise.all(writers);
    expect(reads.every((n) => Number.isInteger(n))).toBe(true);
    expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('fails naming the cause when the target cannot be written, without leaving a temp file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nio-'));
    await writeFile(join(dir, 'file'), 'x');
    // A directory cannot be created where a file stands.
    await expect(writeFileAtomic(join(dir, 'file', 'r.json'), 'y')).rejects.toThrow(/EEXIST|ENOTDIR/);
    expect(await readdir(dir)).toEqual(['file']);
  });
});
