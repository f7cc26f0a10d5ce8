/**
 * Atomic file writes: readers (a dashboard, a concurrent gate) see the old file or the new one, never
 * half of one, because the bytes go to a temp file that is then renamed over the target.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes `text` to `file` via a dot-prefixed temp file in the same directory and a rename. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  // Same directory, so the rename never crosses file systems; the dot keeps result readers off it.
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** JSON with keys sorted at every level: two results are "the same" when these strings are equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** File name for a config id; refuses ids that could escape the directory or hide as dot files. */
export function resultFileName(configId: string): string {
  if (!/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(configId)) {
    throw new Error(
      `config id "${configId}" is not a safe file name (letters, digits, ".", "_", "-"; no leading dot); fix the id in the sweep definition`,
    );
  }
  return `${configId}.json`;
}
