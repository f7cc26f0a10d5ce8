/**
 * `bench rescore`: every stored result scored again with another normaliser, from the reference and
 * hypothesis texts it stores (no model, no decoding), written back through {@link writeResult}
 * (validated, atomic). Everything is rescored in memory first, so a refused input writes nothing.
 */
import { basename, join } from 'node:path';
import type { BenchResult, Scoring } from '@parakeet-bench/core';
import { isNormalizerId, normalizerIds, rescoreResult, scoringOf } from '@parakeet-bench/core';
import { writeResult } from './result-file.ts';
import { scanResultsStrict } from './scan-results.ts';

/** Inputs of {@link rescoreResults}. */
export interface RescoreOptions {
  /** A results directory (searched recursively; `baseline/` subfolders only when given directly) or file. */
  readonly results: string;
  /** Normaliser id (docs/statistics.md). */
  readonly normalizer: string;
  /**
   * Language for results that record none (e.g. written before results recorded it); a result's own
   * language, taken from its dataset, is kept.
   */
  readonly language?: string;
  /** Write the rescored run here (`<out>/<run dir>/<file>`) instead of over the inputs. */
  readonly out?: string;
}

/** What {@link rescoreResults} wrote. */
export interface RescoreSummary {
  /** Files written with new scores. */
  readonly rescored: string[];
  /** Results without scores (failed, unsupported): copied unchanged with `out`, else left alone. */
  readonly unscored: string[];
  /** Rescored long passes that lost their human-reference score (its text is not stored). */
  readonly humanReferenceDropped: string[];
}

/** Rescores every result under `options.results`; throws naming the file and the fix on bad input. */
export async function rescoreResults(options: RescoreOptions): Promise<RescoreSummary> {
  if (!isNormalizerId(options.normalizer)) {
    throw new Error(`unknown normalizer "${options.normalizer}"; valid ids: ${normalizerIds.join(', ')}`);
  }
  const found = (await scanResultsStrict(options.results)).results;
  if (found.length === 0) throw new Error(`${options.results}: no result files found; run \`bench run\` first or pass the right --results`);
  const planned = found.map((f) => {
    if (/\[\d+\]$/.test(f.source)) {
      throw new Error(`${f.source}: an element of a JSON array file; rescore rewrites one result per file, so split the array into <config-id>.json files first`);
    }
    const language = scoringOf(f.result).language ?? options.language;
    const scoring: Scoring = { normalizer: options.normalizer as Scoring['normalizer'], ...(language !== undefined ? { language } : {}) };
    let rescored: BenchResult;
    try {
      rescored = rescoreResult(f.result, scoring);
    } catch (e) {
      throw new Error(`${f.source}: ${(e as Error).message}`);
    }
    const path = options.out ? join(options.out, f.runDir, basename(f.source)) : f.source;
    // Fields this version of the schema does not know are kept, as merge and baseline update do.
    return { f, path, result: { ...(f.raw as object), ...rescored } as BenchResult };
  });
  const summary: RescoreSummary = { rescored: [], unscored: [], humanReferenceDropped: [] };
  for (const { f, path, result } of planned) {
    if (result.status !== 'ok') {
      summary.unscored.push(f.source);
      if (!options.out) continue;
    } else {
      summary.rescored.push(path);
      if (f.result.longPass?.humanReference && !result.longPass?.humanReference) summary.humanReferenceDropped.push(path);
    }
    await writeResult(path, result);
  }
  return summary;
}
