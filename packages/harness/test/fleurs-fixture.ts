/**
 * Test helpers: a minimal tar writer (so tests can build hostile archives no real tar would write)
 * and a FLEURS-shaped snapshot of google/fleurs (split table + audio tarball) built from given clips.
 * Exported as `@parakeet-bench/runner-node/testing` for the CLI's end-to-end test.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fleursRepoFiles, type FleursSplit } from '../src/datasets/fleurs-layout.ts';

/** One tar member to write. */
export interface TarEntry {
  /** Written as-is (no safety checks: tests need `../x` and `/etc/x`). Over 100 bytes: GNU long name. */
  readonly name: string;
  readonly content?: Uint8Array;
  /** Type flag: '0' file (default), '5' directory, '2' symlink, ... */
  readonly type?: string;
  readonly linkName?: string;
}

function header(name: string, size: number, type: string, linkName = ''): Buffer {
  const h = Buffer.alloc(512);
  const put = (s: string, off: number, len: number) => h.write(s, off, len, 'utf8');
  const octal = (n: number, len: number) => `${n.toString(8).padStart(len - 1, '0')}\0`;
  put(name, 0, 100);
  put(octal(0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(1_700_000_000, 12), 136, 12);
  put(' '.repeat(8), 148, 8);
  put(type, 156, 1);
  put(linkName, 157, 100);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const b of h) sum += b;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return h;
}

function padded(content: Uint8Array): Buffer {
  const out = Buffer.alloc(Math.ceil(content.length / 512) * 512);
  out.set(content);
  return out;
}

/** Uncompressed tar bytes of `entries`, with the two zero blocks that end an archive. */
export function tarBytes(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const content = e.content ?? new Uint8Array(0);
    const nameBytes = Buffer.from(e.name, 'utf8');
    if (nameBytes.length > 100) {
      const long = Buffer.concat([nameBytes, Buffer.from([0])]);
      parts.push(header('././@LongLink', long.length, 'L'), padded(long));
    }
    parts.push(header(e.name.slice(0, 100), content.length, e.type ?? '0', e.linkName), padded(content));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** gzip-compressed {@link tarBytes}. */
export function tarGz(entries: readonly TarEntry[]): Buffer {
  return gzipSync(tarBytes(entries));
}

/** One recording of a fake FLEURS split. */
export interface FleursClip {
  readonly fileName: string;
  readonly audio: Uint8Array;
  readonly raw: string;
  readonly normalized?: string;
}

/**
 * Repo files (repo-relative path -> bytes) of one FLEURS split in the hub layout: the 7-column table
 * and the tarball with members `<split file name>/<clip>`, like the real google/fleurs.
 */
export function fleursSnapshotFiles(lang: string, split: FleursSplit, clips: readonly FleursClip[]): Record<string, Buffer> {
  const files = fleursRepoFiles(lang, split);
  const folder = files.archive.replace(/^.*\//, '').replace(/\.tar\.gz$/, '');
  const rows = clips.map((c, i) => {
    const normalized = c.normalized ?? c.raw.toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, '');
    const chars = [...normalized].map((ch) => (ch === ' ' ? '|' : ch)).join(' ');
    return [1000 + i, c.fileName, c.raw, normalized, chars, c.audio.length, i % 2 ? 'FEMALE' : 'MALE'].join('\t');
  });
  return {
    [files.tsv]: Buffer.from(`${rows.join('\n')}\n`),
    [files.archive]: tarGz(clips.map((c) => ({ name: `${folder}/${c.fileName}`, content: c.audio }))),
  };
}

/** Writes {@link fleursSnapshotFiles} under `dir` (a google__fleurs snapshot folder). */
export async function writeFleursSnapshot(dir: string, lang: string, split: FleursSplit, clips: readonly FleursClip[]): Promise<void> {
  for (const [path, bytes] of Object.entries(fleursSnapshotFiles(lang, split, clips))) {
    const target = join(dir, ...path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
}
