/** Hashing and sizing files on disk, streamed so a 2 GB model file never sits in memory. */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { writeJsonAtomic } from './atomic-write.ts';

/** Size of the file at `path`, or undefined when it does not exist. */
export async function fileSize(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Feeds the first `bytes` bytes of `path` into `hash` (resuming a download needs the prefix digested). */
export async function hashPrefix(path: string, bytes: number, hash: Hash = createHash('sha256')): Promise<Hash> {
  if (bytes === 0) return hash;
  for await (const chunk of createReadStream(path, { start: 0, end: bytes - 1 })) hash.update(chunk as Buffer);
  return hash;
}

/** sha256 (hex) of a whole file. */
export async function sha256File(path: string): Promise<string> {
  const size = (await stat(path)).size;
  return (await hashPrefix(path, size)).digest('hex');
}

/**
 * Content hashes of files, computed once per (path, size, mtime): a 2.3 GB encoder is hashed once,
 * not on every rerun. Entries live in memory and, when `store` is given, in a JSON file shared by
 * processes (written atomically; a lost race only costs a re-hash).
 */
export class HashCache {
  private readonly entries = new Map<string, { size: number; mtimeMs: number; sha256: string }>();
  private loaded = false;
  private dirty = false;

  constructor(private readonly store?: string) {}

  private async load(): Promise<void> {
    if (this.loaded || !this.store) return;
    this.loaded = true;
    try {
      const saved = JSON.parse(await readFile(this.store, 'utf8')) as Record<string, { size: number; mtimeMs: number; sha256: string }>;
      for (const [path, e] of Object.entries(saved)) if (!this.entries.has(path)) this.entries.set(path, e);
    } catch {
      // No store yet, or unreadable: start empty.
    }
  }

  /** sha256 (hex) of the file at `path` (absolute), from the cache when its size and mtime are unchanged. */
  async hash(path: string): Promise<string> {
    await this.load();
    const s = await stat(path);
    const known = this.entries.get(path);
    if (known && known.size === s.size && known.mtimeMs === s.mtimeMs) return known.sha256;
    const sha256 = await sha256File(path);
    this.entries.set(path, { size: s.size, mtimeMs: s.mtimeMs, sha256 });
    this.dirty = true;
    return sha256;
  }

  /** Writes new entries to the store (no-op without one). */
  async save(): Promise<void> {
    if (!this.store || !this.dirty) return;
    await writeJsonAtomic(this.store, Object.fromEntries(this.entries));
    this.dirty = false;
  }
}
