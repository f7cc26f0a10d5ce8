/**
 * Finding result files: the ONE set of rules every reader uses (the sweep's resume, the gate, merge,
 * baseline update, reports and the dashboard).
 *
 * - A path is a result file, a JSON array of results, or a directory searched recursively
 *   (`results/<run>/<config-id>.json` or flat).
 * - Skipped while searching: dot entries (temp files of an atomic write, VCS metadata), node_modules,
 *   `package.json`, and `baseline/` subdirectories: committed baselines are references for the gate,
 *   not runs (pass a baseline directory itself to read it).
 * - JSON without `schemaVersion` (gate reports, oracle transcripts) is listed as skipped, never taken
 *   for a result; a file named explicitly must be a result.
 * - Unparsable, empty-array or schema-invalid files are listed with their reason: strict readers
 *   throw on them.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { BenchResult } from '@parakeet-bench/core';
import { parseBenchResult } from '@parakeet-bench/core';

/** One parsed result and where it came from. */
export interface StoredResult {
  /** The file path; `file[i]` for an element of an array file. */
  readonly source: string;
  /** The JSON as read, kept so copies preserve fields this version of the schema does not know. */
  readonly raw: unknown;
  readonly result: BenchResult;
  /** Directory of the file relative to the path searched (`.` for its top level). */
  readonly runDir: string;
}

/** A file that looked like a result but could not be used. */
export interface InvalidResult {
  readonly file: string;
  readonly reason: string;
}

/** Everything found under the searched paths. */
export interface ResultScan {
  readonly results: StoredResult[];
  /** JSON files that are not results (no `schemaVersion`). */
  readonly skipped: string[];
  readonly invalid: InvalidResult[];
}

/** Options of {@link scanResults}. */
export interface ScanOptions {
  /** Search subdirectories (default true). */
  readonly recursive?: boolean;
}

async function listJsonFiles(dir: string, recursive: boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (recursive && e.name !== 'baseline') out.push(...(await listJsonFiles(path, true)));
    } else if (e.isFile() && e.name.endsWith('.json') && e.name !== 'package.json') out.push(path);
  }
  return out;
}

const isResultLike = (raw: unknown): boolean => typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'schemaVersion' in raw;

function runDirOf(root: string, file: string): string {
  const rel = relative(resolve(root), resolve(dirname(file)));
  return rel === '' ? '.' : rel.split(sep).join('/');
}

async function scanFile(file: string, root: string, explicit: boolean, scan: ResultScan): Promise<void> {
  let raw: unknown;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
    raw = JSON.parse(text);
  } catch (e) {
    scan.invalid.push({ file, reason: `${file}: not valid JSON (${(e as Error).message}); delete or regenerate this result file` });
    return;
  }
  const runDir = runDirOf(root, file);
  const add = (source: string, value: unknown, json: string): void => {
    try {
      scan.results.push({ source, raw: value, result: parseBenchResult(json, source), runDir });
    } catch (e) {
      scan.invalid.push({ file: source, reason: (e as Error).message });
    }
  };
  if (Array.isArray(raw) && raw.length === 0) scan.invalid.push({ file, reason: `${file}: an empty JSON array holds no result; delete it` });
  else if (Array.isArray(raw)) raw.forEach((el, i) => add(`${file}[${i}]`, el, JSON.stringify(el)));
  else if (isResultLike(raw) || explicit) add(file, raw, text);
  else scan.skipped.push(file);
}

/**
 * Reads every result under the given paths (files or directories); never throws on a bad file, only
 * on a path that does not exist (naming it and the fix).
 */
export async function scanResults(paths: string | readonly string[], options: ScanOptions = {}): Promise<ResultScan> {
  const scan: ResultScan = { results: [], skipped: [], invalid: [] };
  for (const path of typeof paths === 'string' ? [paths] : paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new Error(`${path}: no such results file or directory; run \`bench run\` first or pass the right path`);
    if (info.isDirectory()) {
      for (const file of await listJsonFiles(path, options.recursive ?? true)) await scanFile(file, path, false, scan);
    } else {
      // A file given by name belongs to the run directory it lies in.
      await scanFile(path, dirname(dirname(path)), true, scan);
    }
  }
  return scan;
}

/** {@link scanResults} that throws on the first invalid file, naming it (merge, baseline update). */
export async function scanResultsStrict(paths: string | readonly string[], options: ScanOptions = {}): Promise<ResultScan> {
  const scan = await scanResults(paths, options);
  const bad = scan.invalid[0];
  if (bad) throw new Error(bad.reason);
  return scan;
}

/**
 * Strict reading for the gate: every result under `path`, throwing on the first invalid file (naming
 * it) and on an empty set, since gating nothing would pass.
 */
export async function readResultsStrict(path: string, options: ScanOptions = {}): Promise<StoredResult[]> {
  const scan = await scanResultsStrict(path, options);
  if (scan.results.length === 0) {
    const skipped = scan.skipped.length ? ` (skipped non-result JSON: ${scan.skipped.join(', ')})` : '';
    throw new Error(`${path}: no result files found${skipped}; run \`bench run\` or \`bench baseline update\` to create them`);
  }
  return scan.results;
}
