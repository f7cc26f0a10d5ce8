/**
 * Reading result files from disk. A results path is a result file, a JSON array of results, or a
 * directory searched recursively (`results/<run>/<config-id>.json` or flat), so several run
 * directories of one config become repeats. JSON files without `schemaVersion` (gate reports,
 * manifests) are skipped and listed, never mistaken for results.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchResult } from '@parakeet-bench/core';
import { parseBenchResult } from '@parakeet-bench/core';

/** One parsed result and where it came from. */
export interface ResultFile {
  /** The file path; `file[i]` for an element of an array file. */
  source: string;
  /** The JSON as read, kept so copies preserve fields this version of the schema does not know. */
  raw: unknown;
  result: BenchResult;
}

/** Everything found under a results path. */
export interface ResultSet {
  files: ResultFile[];
  /** JSON files skipped because they are not results (no `schemaVersion`). */
  skipped: string[];
}

async function listJsonFiles(dir: string, recursive: boolean): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    // Dot entries are temp files of an in-progress atomic write, or VCS metadata.
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (recursive) out.push(...(await listJsonFiles(path, true)));
    } else if (e.isFile() && e.name.endsWith('.json')) out.push(path);
  }
  return out;
}

function isResultLike(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'schemaVersion' in raw;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message}); delete or regenerate this result file`);
  }
}

async function readOne(file: string, set: ResultSet, explicit: boolean): Promise<void> {
  const text = await readFile(file, 'utf8');
  const raw = parseJson(text, file);
  if (Array.isArray(raw)) {
    raw.forEach((el, i) => {
      const source = `${file}[${i}]`;
      set.files.push({ source, raw: el, result: parseBenchResult(JSON.stringify(el), source) });
    });
  } else if (isResultLike(raw) || explicit) {
    // An explicitly named file must be a result: parsing it gives the precise error.
    set.files.push({ source: file, raw, result: parseBenchResult(text, file) });
  } else {
    set.skipped.push(file);
  }
}

/**
 * Reads every result under `path` (file or directory, subdirectories too unless `recursive` is
 * false); throws naming the file on any invalid one.
 */
export async function readResultSet(path: string, options: { recursive?: boolean } = {}): Promise<ResultSet> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new Error(`${path}: no such results file or directory; run \`bench run\` first or pass the right path`);
  }
  const set: ResultSet = { files: [], skipped: [] };
  if (info.isDirectory()) {
    for (const file of await listJsonFiles(path, options.recursive ?? true)) await readOne(file, set, false);
  } else {
    await readOne(path, set, true);
  }
  return set;
}

/** Reads the results under `path`; an empty set is an error, since gating nothing would pass. */
export async function readResults(path: string): Promise<BenchResult[]> {
  const set = await readResultSet(path);
  if (set.files.length === 0) {
    const skipped = set.skipped.length ? ` (skipped non-result JSON: ${set.skipped.join(', ')})` : '';
    throw new Error(`${path}: no result files found${skipped}; run \`bench run\` or \`bench baseline update\` to create them`);
  }
  return set.files.map((f) => f.result);
}
