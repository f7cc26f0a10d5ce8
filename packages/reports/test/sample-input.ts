/** Writes the sample results to a temp dir and loads them as report input, for reporter tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from '@parakeet-bench/core';
import { rescoreResult } from '@parakeet-bench/core';
import { prepareReport } from '../src/write-reports.ts';
import type { ReportInput } from '../src/reporters/reporter.ts';
import { writeSampleResults } from './sample-results.ts';

/** Sample input plus its directory and a cleanup function. */
export async function sampleInput(): Promise<{ dir: string; input: ReportInput; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'reports-sample-'));
  await writeSampleResults(join(dir, 'results'));
  const input = await prepareReport(join(dir, 'results'));
  return { dir, input, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The sample input as a current `bench run` writes it: every result scored with the default
 * normaliser (which records the normaliser and adds the WER/CER intervals) and naming `compareTo`.
 */
export function withStats(input: ReportInput, compareTo = 'fp32'): ReportInput {
  const current = (r: BenchResult): BenchResult => ({ ...rescoreResult(r, { normalizer: 'default' }), compareTo });
  const runs = input.runs.map((run) => ({ ...run, results: run.results.map(current) }));
  return { ...input, runs, latest: runs.at(-1)! };
}
