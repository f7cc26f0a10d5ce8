import { mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HashCache, sha256File } from './file-hash.ts';

describe('HashCache', () => {
  it('hashes content, reuses the hash while size and mtime hold, re-hashes a replaced file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nio-hash-'));
    const file = join(dir, 'a.onnx');
    await writeFile(file, 'one');
    const store = join(dir, 'hashes.json');
    const cache = new HashCache(store);
    const first = await cache.hash(file);
    expect(first).toBe(await sha256File(file));
    await cache.save();
    expect(Object.keys(JSON.parse(await readFile(store, 'utf8')) as object)).toEqual([file]);
    // A second process trusts the stored hash for an unchanged file (proved by a stale entry).
    const stale = JSON.parse(await readFile(store, 'utf8')) as Record<string, { sha256: string }>;
    stale[file]!.sha256 = 'from-the-store';
    await writeFile(store, JSON.stringify(stale));
    expect(await new HashCache(store).hash(file)).toBe('from-the-store');
    // Same size, new mtime: hashed again.
    await writeFile(file, 'two');
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    expect(await new HashCache(store).hash(file)).toBe(await sha256File(file));
    expect(await new HashCache(store).hash(file)).not.toBe(first);
  });
});
