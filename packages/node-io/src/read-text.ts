/**
 * Reading the text files users hand us (manifests, transcripts, split tables) as UTF-8, strictly: a
 * Latin-1 transcript read leniently turns every accent into U+FFFD and is then scored as a wall of
 * substitutions that looks like a real result. A BOM is accepted and dropped.
 */
import { readFile } from 'node:fs/promises';

/** Decodes UTF-8 bytes (BOM dropped); throws naming `source`, the line and the fix when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, source: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Find the first byte sequence that is not UTF-8, to name its line.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const bad = lenient.indexOf('\uFFFD');
    const line = lenient.slice(0, Math.max(bad, 0)).split('\n').length;
    throw new Error(
      `${source}:${line}: not valid UTF-8 (a Latin-1 or Windows-1252 file?); convert it, e.g. iconv -f latin1 -t utf-8 ${JSON.stringify(source)} > converted.txt`,
    );
  }
}

/** Reads a UTF-8 text file; `what` names it in errors (e.g. "manifest", "transcript for a.wav"). */
export async function readUtf8File(path: string, what: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(err.code === 'ENOENT' ? `${path}: ${what} not found` : `${path}: cannot read ${what} (${err.message})`);
  }
  return decodeUtf8(bytes, path);
}
