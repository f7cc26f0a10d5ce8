/**
 * File names come from the network (API listings) and from user registry files: never let one write
 * outside the target directory.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

const WINDOWS_DRIVE = /^[A-Za-z]:/;

/**
 * Why `name` is unsafe as a repo-relative path, or undefined when it is fine. Hub paths use '/'
 * only; a backslash would be a separator on Windows, so it is refused everywhere.
 */
export function unsafePathReason(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.includes('\0')) return 'it contains a NUL byte';
  if (name.includes('\\')) return 'it contains a backslash';
  if (name.startsWith('/') || isAbsolute(name) || WINDOWS_DRIVE.test(name)) return 'it is absolute';
  const segments = name.split('/');
  if (segments.some((s) => s === '..')) return "it contains a '..' segment";
  if (segments.some((s) => s === '' || s === '.')) return "it contains an empty or '.' segment";
  return undefined;
}

/**
 * Joins `name` (a '/'-separated repo path) under `root` and returns the absolute path.
 * Throws, naming the file and the root, when the result would escape `root`.
 */
export function confinedPath(root: string, name: string): string {
  const reason = unsafePathReason(name);
  const shown = JSON.stringify(name);
  if (reason) throw new Error(`refusing file name ${shown} for ${root}: ${reason}; hub paths must be relative`);
  const absRoot = resolve(root);
  const full = resolve(absRoot, ...name.split('/'));
  const rel = relative(absRoot, full);
  // Belt and braces: the checks above should already make this impossible.
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    throw new Error(`refusing file name ${shown}: it resolves outside ${absRoot}`);
  }
  return full;
}
