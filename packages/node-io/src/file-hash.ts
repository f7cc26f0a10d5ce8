/** Hashing and sizing files on disk, streamed so a 2 GB model file never sits in memory. */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

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
