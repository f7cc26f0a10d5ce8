/**
 * Atomic file writes: a reader (a resuming sweep, the gate, a dashboard) sees the old file or the new
 * one, never half of one. Bytes go to a dot-prefixed temp file in the same directory (result readers
 * skip dot files; a rename never crosses file systems), are fsynced, then renamed over the target.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes `data` to `file` atomically, creating its directory. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Writes `value` as indented JSON (trailing newline) atomically. */
export function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  return writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Renames `from` over `to` and fsyncs the directory so the new name survives a power cut; the data
 * itself must already be fsynced by the writer (downloads stream into a partial file).
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
