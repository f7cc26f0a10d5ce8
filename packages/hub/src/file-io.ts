/** Small filesystem helpers for crash-safe placement of downloaded files. */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Size of the file at `path`, or undefined when it does not exist. */
export async function fileSize(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Feeds the first `bytes` bytes of `path` into `hash` (resuming needs the prefix digested). */
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
 * Renames `from` over `to` and fsyncs the directory so the new name survives a power cut; the data
 * itself must already be fsynced by the writer.
 */
export async function renameDurably(from: string, to: string): Promise<void> {
  await rename(from, to);
  let dir;
  try {
    dir = await open(dirname(to), 'r');
    await dir.sync();
  } catch {
    // Some filesystems (and Windows) refuse fsync on directories; the rename itself is still atomic.
  } finally {
    await dir?.close();
  }
}
