/**
 * The sweep's parent loop: plans the jobs, makes the oracle transcripts a long dataset needs, then
 * runs each config in its own worker process (peak RAM per config, a crash kills only its config).
 * Finished configs are skipped on rerun; a failed or crashed config is recorded and the sweep goes on.
 */
import type { BenchResult } from '@parakeet-bench/core';
import { decoderSlug, failedResult, threadsLabel } from '@parakeet-bench/core';
import { readResultFile, writeResult } from '@parakeet-bench/results';
import { backends } from '../backends.ts';
import { readOracle } from '../cache/oracle.ts';
import { environmentOf } from '../environment.ts';
import type { ConfigJob, OracleJob } from '../worker/job.ts';
import { HARNESS_WORKER, runWorker } from '../worker/spawn-worker.ts';
import type { WorkerExit } from '../worker/spawn-worker.ts';
import type { ResultLayout } from './plan.ts';
import { oraclePathFor, oracleVariant, planJobs } from './plan.ts';
import type { SweepOutput } from './progress-output.ts';
import { logOutput, stdoutOutput } from './progress-output.ts';
import type { SweepSpec } from './sweep-spec.ts';

/** Options of one sweep run. */
export interface SweepOptions extends ResultLayout {
  /** Rerun configs whose result says failed (finished ok/unsupported ones are always kept). */
  readonly retryFailed?: boolean;
  /** Rerun everything. */
  readonly force?: boolean;
  /** Keeps only some configs (e.g. a CI shard). */
  readonly select?: (jobs: ConfigJob[]) => ConfigJob[];
  /** The worker script (default: the harness worker; tests substitute a fake one). */
  readonly worker?: string;
  /** Every line and progress message, unthrottled (tests); default: {@link stdoutOutput}. */
  readonly log?: (line: string) => void;
  /** Where lines and progress go; takes precedence over `log`. */
  readonly output?: SweepOutput;
}

/** What happened to each config. */
export interface SweepOutcome {
  readonly job: ConfigJob;
  readonly result: BenchResult;
  readonly skipped: boolean;
}

function exitReason(exit: WorkerExit, timeoutSec: number): string {
  if (exit.timedOut) return `timed out after ${timeoutSec} s`;
  const how = exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
  return `worker process ${how} without writing a result${exit.stderrTail ? `: ${exit.stderrTail}` : ''}`;
}

/** A one-line label of a config for progress output. */
export function configLabel(job: ConfigJob): string {
  const c = job.config;
  return `${c.dataset} ${c.variant} ${c.backend} ${threadsLabel(c.threads)}${c.loader ? ` ${c.loader}` : ''} ${decoderSlug(c.decoder)}`;
}

function describe(r: BenchResult): string {
  if (r.status !== 'ok') return `${r.status.toUpperCase()}: ${r.error?.message.split('\n')[0] ?? ''}`;
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  const parts = [`WER ${pct(r.accuracy?.wer ?? NaN)}`, `CER ${pct(r.accuracy?.cer ?? NaN)}`];
  if (r.longPass) parts.push(`worst section ${r.longPass.worstSectionIndex} ${pct(r.longPass.worstSectionWer)}`);
  if (r.timing) parts.push(`RTFx ${r.timing.rtfx.toFixed(1)}`);
  if (r.memory) parts.push(`peak ${(r.memory.peakRssBytes / 2 ** 20).toFixed(0)} MiB`);
  return parts.join(', ');
}

async function ensureOracles(spec: SweepSpec, jobs: ConfigJob[], opts: SweepOptions, out: SweepOutput): Promise<Map<string, string>> {
  const failures = new Map<string, string>();
  const needed = new Set(jobs.filter((j) => j.dataset.kind === 'long').map((j) => j.dataset.name));
  for (const dataset of spec.datasets) {
    if (dataset.kind !== 'long' || !needed.has(dataset.name)) continue;
    const oraclePath = oraclePathFor(opts, spec, dataset);
    if (!opts.force && (await readOracle(oraclePath))) {
      out.line(`oracle ${dataset.name}: cached (${oraclePath})`);
      continue;
    }
    const job: OracleJob = { kind: 'oracle', variant: oracleVariant(spec), dataset, threads: 0, oraclePath };
    out.line(`oracle ${dataset.name}: transcribing each ${dataset.sectionSec} s section alone with ${spec.oracleVariant}`);
    const exit = await runWorker(opts.worker ?? HARNESS_WORKER, job, spec.timeoutSec, (m) => out.progress(`oracle ${dataset.name}`, m));
    if (!(await readOracle(oraclePath))) {
      const reason = `fp32 oracle for ${dataset.name} failed: ${exitReason(exit, spec.timeoutSec)}`;
      failures.set(dataset.name, reason);
      out.line(`oracle ${dataset.name}: FAILED ${reason}`);
    }
  }
  return failures;
}

/**
 * Runs a sweep config by config, each in its own process. Finished configs are skipped (a rerun
 * resumes), a failed or crashed config is recorded with its reason and the sweep goes on.
 */
export async function runSweep(spec: SweepSpec, opts: SweepOptions): Promise<SweepOutcome[]> {
  const out = opts.output ?? (opts.log ? logOutput(opts.log) : stdoutOutput());
  const all = planJobs(spec, opts);
  const jobs = opts.select ? opts.select(all) : all;
  const worker = opts.worker ?? HARNESS_WORKER;
  const oracleFailures = await ensureOracles(spec, jobs, opts, out);
  const outcomes: SweepOutcome[] = [];
  for (const [i, job] of jobs.entries()) {
    const prefix = `[${i + 1}/${jobs.length}] ${configLabel(job)}`;
    const previous = opts.force ? null : (await readResultFile(job.resultPath)).result;
    if (previous && (previous.status !== 'failed' || !opts.retryFailed)) {
      out.line(`${prefix}: cached, ${describe(previous)}`);
      outcomes.push({ job, result: previous, skipped: true });
      continue;
    }
    const startedAt = new Date().toISOString();
    const t0 = Date.now();
    const oracleFailure = oracleFailures.get(job.config.dataset);
    let result: BenchResult | null = null;
    const failed = (message: string, phase: string): BenchResult =>
      failedResult(job.config, { message, phase }, startedAt, environmentOf(backends[job.config.backend].runtime), job.runLabel);
    if (oracleFailure) {
      result = failed(oracleFailure, 'oracle');
    } else {
      out.progress(prefix, 'running');
      const exit = await runWorker(worker, job, spec.timeoutSec, (m) => out.progress(prefix, m));
      result = (await readResultFile(job.resultPath)).result;
      if (!result || result.startedAt < startedAt) result = failed(exitReason(exit, spec.timeoutSec), 'process');
    }
    if (result.status === 'failed') await writeResult(job.resultPath, result);
    out.line(`${prefix}: ${describe(result)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    outcomes.push({ job, result, skipped: false });
  }
  return outcomes;
}
