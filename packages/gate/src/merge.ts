/**
 * Joining shard result directories into one results directory (`<outDir>/<config-id>.json`).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJsonAtomic } from '@parakeet-bench/node-io';
import type { StoredResult } from '@parakeet-bench/results';
import { canonicalJson, resultFileName, scanResultsStrict } from '@parakeet-bench/results';

/** What {@link mergeResults} did. */
export interface MergeSummary {
  outDir: string;
  /** Config ids now in `outDir`, sorted. */
  configIds: string[];
  /** Files written (new or changed). */
  written: string[];
  /** Non-result JSON files that were skipped in the inputs. */
  skipped: string[];
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

/**
 * Merges the results of shard directories into `outDir`. Results already in `outDir` take part, so a
 * merge can be rerun. The same config id twice with identical content is kept once; with different
 * content it is refused, naming both files. Every input is read and checked before anything is
 * written, so a refused merge writes nothing, and each file is written atomically.
 */
export async function mergeResults(dirs: readonly string[], outDir: string): Promise<MergeSummary> {
  if (dirs.length === 0) throw new Error('merge: no input directories given; pass the shard result directories');
  const inputs: string[] = [];
  for (const dir of dirs) {
    if (!(await isDirectory(dir))) throw new Error(`${dir}: not a directory; pass shard result directories (e.g. the downloaded artifacts)`);
    inputs.push(dir);
  }
  const existing = new Map<string, StoredResult>();
  if (await isDirectory(outDir)) {
    for (const f of (await scanResultsStrict(outDir)).results) existing.set(f.result.config.id, f);
  }

  const chosen = new Map<string, { file: StoredResult; canonical: string }>();
  for (const f of existing.values()) chosen.set(f.result.config.id, { file: f, canonical: canonicalJson(f.raw) });
  const skipped: string[] = [];
  let seenAny = false;
  for (const dir of inputs) {
    const set = await scanResultsStrict(dir);
    skipped.push(...set.skipped);
    for (const f of set.results) {
      seenAny = true;
      const id = f.result.config.id;
      resultFileName(id);
      const canonical = canonicalJson(f.raw);
      const prior = chosen.get(id);
      if (prior && prior.canonical !== canonical) {
        throw new Error(
          `merge: config "${id}" has different results in ${prior.file.source} and ${f.source}; a config must run in one shard only: delete the stale file or rerun that shard`,
        );
      }
      if (!prior) chosen.set(id, { file: f, canonical });
    }
  }
  if (!seenAny) throw new Error(`merge: no result files in ${inputs.join(', ')}; did the shards run?`);

  const written: string[] = [];
  const ids = [...chosen.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const id of ids) {
    const { file } = chosen.get(id)!;
    const target = join(outDir, resultFileName(id));
    // An existing result is where `chosen` started, and a different input was refused above, so an
    // existing file at the target already holds this content.
    if (existing.get(id)?.source === target) continue;
    await writeJsonAtomic(target, file.raw);
    written.push(target);
  }
  return { outDir, configIds: ids, written, skipped };
}
