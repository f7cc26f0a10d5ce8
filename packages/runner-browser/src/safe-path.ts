/**
 * Maps a request path under a mount prefix to a file inside that mount's root. Decoding happens per
 * segment so `%2e%2e` and `%2f` cannot smuggle `..` or extra separators past the confinement check,
 * which is node-io's, shared with every package that takes names from outside.
 */
import type { ConfinedPath } from '@parakeet-bench/node-io';
import { resolveConfined } from '@parakeet-bench/node-io';

/** Resolves `relative` (the raw, still percent-encoded URL path after the mount prefix) under `root`. */
export function resolveUnderRoot(root: string, relative: string): ConfinedPath {
  // Checked on the raw path: once decoded, a backslash or slash could come from an escape.
  if (relative.includes('\\')) return { ok: false, reason: 'it contains a backslash' };
  const segments: string[] = [];
  for (const raw of relative.split('/')) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return { ok: false, reason: 'malformed percent-encoding' };
    }
    if (/[/\\\0]/.test(seg)) return { ok: false, reason: 'encoded separator or NUL in a segment' };
    segments.push(seg);
  }
  return resolveConfined(root, segments.join('/'));
}
