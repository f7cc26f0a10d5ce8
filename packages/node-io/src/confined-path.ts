/**
 * Names that come from outside (hub listings, registry files, tar members, URLs of the browser
 * runner's server) must never reach a file outside the directory they are meant for. One check for
 * all of them: a '/'-separated relative name, no '..', no absolute form on any platform.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Options of {@link unsafeRelativePath}. */
export interface RelativePathOptions {
  /** Tolerate empty and `.` segments (`./a`, `a//b`), as tar archives write them. */
  readonly lenient?: boolean;
}

/** Why `name` cannot name a file under a root, or undefined when it can. */
export function unsafeRelativePath(name: string, options: RelativePathOptions = {}): string | undefined {
  if (!options.lenient && name.length === 0) return 'it is empty';
  if (name.includes('\0')) return 'it contains a NUL byte';
  // A backslash is a separator on Windows: refuse it everywhere so no platform can be tricked.
  if (name.includes('\\')) return 'it contains a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || isAbsolute(name)) return 'it is absolute';
  const segments = name.split('/');
  if (segments.includes('..')) return "it contains a '..' segment";
  const empty = (s: string): boolean => s === '' || s === '.';
  if (options.lenient ? segments.every(empty) : segments.some(empty)) {
    return options.lenient ? 'it names no file' : "it contains an empty or '.' segment";
  }
  return undefined;
}

/** Outcome of {@link resolveConfined}. */
export type ConfinedPath = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

/** The absolute path of `name` under `root`, or why it is refused. */
export function resolveConfined(root: string, name: string, options: RelativePathOptions = {}): ConfinedPath {
  const reason = unsafeRelativePath(name, options);
  if (reason) return { ok: false, reason };
  const absRoot = resolve(root);
  const full = resolve(absRoot, ...name.split('/').filter((s) => s !== '' && s !== '.'));
  const rel = relative(absRoot, full);
  // Belt and braces: the checks above should already make this impossible.
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { ok: false, reason: `it resolves outside ${absRoot}` };
  return { ok: true, path: full };
}

/**
 * The absolute path of `name` under `root`; throws `refusal(reason)` when it is refused, so each
 * caller names what it was reading (a hub file, a tar member).
 */
export function confinedPath(root: string, name: string, refusal: (reason: string) => string, options: RelativePathOptions = {}): string {
  const r = resolveConfined(root, name, options);
  if (!r.ok) throw new Error(refusal(r.reason));
  return r.path;
}
