/**
 * Directories built once and placed whole (the generated fixture, an extracted dataset tarball): the
 * work happens in a temporary sibling that gets its completion marker last and is then renamed into
 * place, so a reader never sees half a directory and concurrent builders cannot clobber each other.
 */
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

/** How to recognise and build one directory. */
export interface BuildDirOptions {
  /** Name of the completion marker inside the directory. */
  readonly marker: string;
  /** Whether a marker's text stands for a complete, current directory (false: rebuild it). */
  readonly isComplete: (markerText: string) => boolean;
  /** Fills the (empty, not yet existing) directory; returns the marker text. */
  readonly build: (dir: string) => Promise<string>;
}

async function markerText(dir: string, marker: string): Promise<string | undefined> {
  return readFile(join(dir, marker), 'utf8').catch(() => undefined);
}

/** Builds `dest` unless its marker says it is complete; true when this call built it. */
export async function buildDirOnce(dest: string, o: BuildDirOptions): Promise<boolean> {
  const current = await markerText(dest, o.marker);
  if (current !== undefined && o.isComplete(current)) return false;
  const tmp = `${dest}.partial-${process.pid}-${Date.now()}`;
  try {
    const text = await o.build(tmp);
    await writeFileAtomic(join(tmp, o.marker), text);
    await rm(dest, { recursive: true, force: true });
    try {
      await rename(tmp, dest);
    } catch (e) {
      // Another process finished first: its directory is as good as ours when its marker says so.
      const theirs = await markerText(dest, o.marker);
      if (theirs === undefined || !o.isComplete(theirs)) {
        throw new Error(`could not move the built directory to ${dest} (${(e as Error).message}); delete ${dest} and retry`);
      }
    }
    return true;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
