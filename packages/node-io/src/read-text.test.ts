import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, readUtf8File } from './read-text.ts';

describe('readUtf8File', () => {
  it('reads UTF-8 with or without a BOM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nio-text-'));
    await writeFile(join(dir, 'a.txt'), 'l’été\n');
    await writeFile(join(dir, 'b.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('été\n')]));
    expect(await readUtf8File(join(dir, 'a.txt'), 'transcript')).toBe('l’été\n');
    expect(await readUtf8File(join(dir, 'b.txt'), 'transcript')).toBe('été\n');
  });

  it('refuses Latin-1, naming the file, the line and the conversion', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nio-text-'));
    const path = join(dir, 'm.jsonl');
    await writeFile(path, Buffer.concat([Buffer.from('{"text":"ok"}\n{"text":"l'), Buffer.from([0xe9]), Buffer.from('t\\u00e9"}\n')]));
    await expect(readUtf8File(path, 'manifest')).rejects.toThrow(new RegExp(`m\\.jsonl:2: not valid UTF-8 .*iconv -f latin1 -t utf-8`));
    expect(() => decodeUtf8(Uint8Array.of(0x61, 0x0a, 0x62, 0x0a, 0xff), 'x.txt')).toThrow(/x\.txt:3: not valid UTF-8/);
  });

  it('names a missing file', async () => {
    await expect(readUtf8File('/nonexistent/m.jsonl', 'manifest')).rejects.toThrow(/m\.jsonl: manifest not found/);
  });
});
