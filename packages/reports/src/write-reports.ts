/** The library calls behind `bench report` and `bench dashboard`. */
import { basename, join } from 'node:path';
import type { BenchResult, Scoring } from '@parakeet-bench/core';
import { isNormalizerId, normalizerIds, rescoreResult, scoringOf } from '@parakeet-bench/core';
import { writeFileAtomic } from '@parakeet-bench/node-io';
import type { InvalidResult, Night, Run } from '@parakeet-bench/results';
import { groupRuns, latestRun, newestRunPerDirectory, readNightFile, readResultsStrict, scanResults } from '@parakeet-bench/results';
import { renderDashboard } from './html/page.ts';
import type { ReportInput } from './reporters/reporter.ts';
import { reporters } from './reporters/index.ts';
import type { ReportFormat } from './reporters/index.ts';
import { sortResults } from './order.ts';

/** How a report reads the results: which reference to compare with, which normaliser to score with. */
export interface ReportOptions {
  /** Reference variant of the paired WER comparisons; default: each result's `compareTo`. */
  readonly compareTo?: string;
  /**
   * Rescore every result in memory with this normaliser (each keeps its own language) before
   * reporting; the result files are not changed (`bench rescore` rewrites them).
   */
  readonly normalizer?: string;
  /** The current baseline (a result directory or file), marked on the trend charts. */
  readonly baseline?: string;
}

/** night.json of every run that has one (runs of a history store), by run directory. */
async function nightsOf(root: string | readonly string[], runs: readonly Run[]): Promise<Map<string, Night>> {
  const nights = new Map<string, Night>();
  // Run directories are relative to the one path searched; a list of files has no such root.
  if (typeof root !== 'string') return nights;
  for (const run of runs) {
    const night = await readNightFile(join(root, run.dir));
    if (night) nights.set(run.dir, night);
  }
  return nights;
}

/** `results` rescored with `normalizer` (in memory), each with its own language. */
function rescored(results: readonly BenchResult[], normalizer: string | undefined): BenchResult[] {
  if (normalizer === undefined) return [...results];
  if (!isNormalizerId(normalizer)) throw new Error(`unknown normalizer "${normalizer}"; valid ids: ${normalizerIds.join(', ')}`);
  return results.map((r) => {
    const { language } = scoringOf(r);
    const scoring: Scoring = { normalizer, ...(language !== undefined ? { language } : {}) };
    return rescoreResult(r, scoring);
  });
}

/**
 * Loads a results directory (or files) into report input. Throws when nothing usable is there, naming
 * the path and the first unreadable file, because an empty report would look like a passing run.
 */
export async function prepareReport(results: string | readonly string[], options: ReportOptions = {}): Promise<ReportInput> {
  const loaded = await scanResults(results);
  // A directory holding two runs (an interrupted --force) shows its newest run only, and says so.
  const { kept, notices } = newestRunPerDirectory(loaded.results);
  const runs = groupRuns(kept).map((run) => ({ ...run, results: sortResults(rescored(run.results, options.normalizer)) }));
  const latest = latestRun(runs);
  const where = typeof results === 'string' ? results : results.join(', ');
  if (!latest) {
    const first = loaded.invalid[0];
    const why = first ? ` (${loaded.invalid.length} unreadable, e.g. ${first.reason})` : '';
    throw new Error(`no valid result files in ${where}${why}; run \`bench run\` first or pass --results <dir>`);
  }
  const baseline = options.baseline === undefined
    ? undefined
    : (await readResultsStrict(options.baseline).catch((e: Error) => {
        throw new Error(`--baseline: ${e.message}`);
      })).map((f) => f.result);
  return {
    latest,
    runs,
    invalid: loaded.invalid,
    notices,
    nights: await nightsOf(results, runs),
    ...(baseline ? { baseline } : {}),
    ...(options.compareTo !== undefined ? { compareTo: options.compareTo } : {}),
    ...(options.normalizer !== undefined ? { rescoredWith: options.normalizer } : {}),
  };
}

/** Options of {@link writeReports}. */
export interface WriteReportsOptions extends ReportOptions {
  /** Results directory (`results/`) or result files. */
  readonly results: string | readonly string[];
  /** Output directory (`results/charts`). */
  readonly outDir: string;
  readonly formats: readonly ReportFormat[];
}

/** What a report command wrote, and the result files it had to skip (for warnings). */
export interface WrittenReport {
  readonly written: string[];
  readonly invalid: readonly InvalidResult[];
  /** What the reader decided for the user (e.g. an older run left out of a directory). */
  readonly notices: readonly string[];
}

/** Renders the chosen formats into `outDir`. */
export async function writeReports(options: WriteReportsOptions): Promise<WrittenReport> {
  const input = await prepareReport(options.results, options);
  const written: string[] = [];
  for (const format of options.formats) {
    for (const file of await reporters[format].render(input)) {
      const path = join(options.outDir, file.name);
      await writeFileAtomic(path, file.data);
      written.push(path);
    }
  }
  return { written, invalid: input.invalid, notices: input.notices };
}

/** Writes the one-file dashboard to `outFile` (e.g. `dashboards/index.html`). */
export async function buildDashboard(options: ReportOptions & { results: string | readonly string[]; outFile: string }): Promise<WrittenReport> {
  if (!basename(options.outFile).endsWith('.html')) {
    throw new Error(`dashboard output ${options.outFile} must be an .html file, e.g. dashboards/index.html`);
  }
  const input = await prepareReport(options.results, options);
  await writeFileAtomic(options.outFile, await renderDashboard(input));
  return { written: [options.outFile], invalid: input.invalid, notices: input.notices };
}
