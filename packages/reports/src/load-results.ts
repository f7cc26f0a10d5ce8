/**
 * Reads result JSON files written by the bench. Reports never run models: everything they show comes
 * from these files, so a bad file is recorded (not fatal) and shown to the reader instead of hiding the
 * rest of the run.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseBenchResult } from '@parakeet-bench/core';
import type { BenchResult } from '@parakeet-bench/core';

/** One valid result file and the run (sub-directory) it belongs to. */
export interface LoadedResult {
  /** Path of the file as found. */
  readonly file: string;
  /**
   * Run directory relative to the results root (`results/<run>/<config>.json` gives `<run>`); `.` for
   * files lying directly in the root.
   */
  readonly runDir: string;
  readonly result: BenchResult;
}

/** A file that looked like a result but could not be used. */
export interface InvalidResult {
  readonly file: string;
  readonly reason: string;
}

/** Everything {@link loadResults} found. */
export interface LoadedResults {
  readonly results: LoadedResult[];
  readonly invalid: InvalidResult[];
}

/**
 * Loads every `*.json` under a directory (recursively) or the given files. A missing path throws,
 * naming it; unparsable or schema-invalid files land in `invalid` with the reason.
 */
export async function loadResults(dirOrFiles: string | readonly string[]): Promise<LoadedResults> {
  const inputs = typeof dirOrFiles === 'string' ? [dirOrFiles] : dirOrFiles;
  const results: LoadedResult[] = [];
  const invalid: InvalidResult[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) {
      throw new Error(`results path ${input} does not exist; run \`bench run\` first or pass --results <dir>`);
    }
    const root = info.isDirectory() ? input : dirname(dirname(input));
    const files = info.isDirectory() ? await findJsonFiles(input) : [input];
    for (const file of files) {
      try {
        const result = parseBenchResult(await readFile(file, 'utf8'), file);
        results.push({ file, runDir: runDirOf(root, file), result });
      } catch (e) {
        invalid.push({ file, reason: (e as Error).message });
      }
    }
  }
  return { results, invalid };
}

function runDirOf(root: string, file: string): string {
  const rel = relative(resolve(root), resolve(dirname(file)));
  return rel === '' ? '.' : rel.split(sep).join('/');
}

async function findJsonFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  // Sorted so reports are byte-stable for the same inputs.
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    // Committed baselines (results/baseline/...) are references for the gate, not runs of the history;
    // pass a baseline directory itself as the input to report on it.
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules' && entry.name !== 'baseline') {
      out.push(...(await findJsonFiles(path)));
    } else if (entry.isFile() && entry.name.endsWith('.json') && basename(path) !== 'package.json') {
      out.push(path);
    }
  }
  return out;
}
