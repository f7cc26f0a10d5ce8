/**
 * Maps a request path under a mount prefix to a file inside that mount's root, refusing anything that
 * could name a file outside it. Decoding happens per segment so `%2e%2e` and `%2f` cannot smuggle
 * `..` or extra separators past the checks.
 */
import { resolve, sep } from 'node:path';

/** Result of {@link resolveUnderRoot}: the file path, or why the request was refused. */
export type SafePath = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

/** Resolves `relative` (the raw, still percent-encoded URL path after the mount prefix) under `root`. */
export function resolveUnderRoot(root: string, relative: string): SafePath {
  if (relative.includes('\\')) return { ok: false, reason: 'backslash in path' };
  if (relative.startsWith('/')) return { ok: false, reason: 'absolute path' };
  const segments: string[] = [];
  for (const raw of relative.split('/')) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return { ok: false, reason: 'malformed percent-encoding' };
    }
    if (seg === '' || seg === '.' || seg === '..') return { ok: false, reason: `path segment "${seg}"` };
    if (/[/\\\0]/.test(seg)) return { ok: false, reason: 'encoded separator or NUL in a segment' };
    segments.push(seg);
  }
  const base = resolve(root);
  const path = resolve(base, ...segments);
  if (!path.startsWith(base + sep)) return { ok: false, reason: 'outside the served root' };
  return { ok: true, path };
}
