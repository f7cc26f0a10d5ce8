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

/** Word i of a text starting at `start(i)` seconds, as results store times (centiseconds). */
function timesOf(text: string, start: (i: number) => number): { startCs: number[]; endCs: number[] } {
  const n = text === '' ? 0 : text.split(' ').length;
  const startCs = Array.from({ length: n }, (_, i) => Math.round(start(i) * 100));
  return { startCs, endCs: startCs.map((c) => c + 24) };
}

/**
 * The sample input with word times, as a current `bench run` writes them: reference words start every
 * 0.5 s; stock int8's long-pass words start `40 k` ms late in section k (timestamps drift along the
 * pass), its corpus words 80 ms late; every other config agrees with the oracle. Rescored, so the
 * per-section agreement is recomputed from the times.
 */
export function withTimes(input: ReportInput, compareTo = 'fp32'): ReportInput {
  const timed = (r: BenchResult): BenchResult => {
    const stock = r.config.variant === 'int8-stock';
    const lp = r.longPass;
    const longPass = lp && {
      ...lp,
      sections: lp.sections.map((s) => ({
        ...s,
        wordTimes: timesOf(s.hypothesis, (i) => s.startSec + 0.5 * i + (stock ? 0.04 * s.index : 0)),
        referenceWordTimes: timesOf(s.reference, (i) => s.startSec + 0.5 * i),
      })),
    };
    const utterances = r.utterances.map((u) => ({ ...u, wordTimes: timesOf(u.hypothesis, (i) => 0.5 * i + (stock ? 0.08 : 0)) }));
    return { ...rescoreResult({ ...r, utterances, ...(longPass ? { longPass } : {}) }, { normalizer: 'default' }), compareTo };
  };
  const runs = input.runs.map((run) => ({ ...run, results: run.results.map(timed) }));
  return { ...input, runs, latest: runs.at(-1)! };
}
