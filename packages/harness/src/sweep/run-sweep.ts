/**
 * The sweep's parent loop: plans the jobs, checks the results directory is writable, prepares the
 * long datasets (frame wall, sections, oracle), then runs each config in its own worker process (peak
 * RAM per config; a crash kills only its config). A finished config is reused only while its
 * provenance matches; a failed or crashed one is recorded with its reason and the sweep goes on.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BenchResult, Provenance } from '@parakeet-bench/core';
import { batchLabel, decoderSlug, failedResult, scoringLabel, scoringOf, strategySlug, threadsLabel } from '@parakeet-bench/core';
import { HashCache } from '@parakeet-bench/node-io';
import { readResultFile, scanResults, writeResult } from '@parakeet-bench/results';
import { backends } from '../backends.ts';
import { environmentOf } from '../environment.ts';
import { provenanceOf } from '../provenance/provenance.ts';
import type { ConfigJob } from '../worker/job.ts';
import { HARNESS_WORKER, exitReason, runWorker } from '../worker/spawn-worker.ts';
import type { OracleState } from './oracles.ts';
import { ensureOracles } from './oracles.ts';
import type { ResultLayout } from './plan.ts';
import { oracleVariant, planJobs } from './plan.ts';
import type { SweepOutput } from './progress-output.ts';
import { logOutput, stdoutOutput } from './progress-output.ts';
import { measureMemoryProfile } from './memory-profile.ts';
import { refreshCached } from './refresh-cached.ts';
import { decideReuse } from './reuse.ts';
import { newRunId, newestRunId } from './run-id.ts';
import type { SweepSpec } from './sweep-spec.ts';

/** Options of one sweep run. */
export interface SweepOptions extends ResultLayout {
  /** Rerun configs whose result says failed (finished ok/unsupported ones are reused while valid). */
  readonly retryFailed?: boolean;
  /** Rerun everything, as a new run. */
  readonly force?: boolean;
  /** The run id to write as (CI shards of one night share one); default: continue the newest run in the directory, or a new one. */
  readonly runId?: string;
  /** Keeps only some configs (e.g. a CI shard). */
  readonly select?: (jobs: ConfigJob[]) => ConfigJob[];
  /** The worker script (default: the harness worker; tests substitute a fake one). */
  readonly worker?: string;
  /** Every line and progress message, unthrottled (tests); default: {@link stdoutOutput}. */
  readonly log?: (line: string) => void;
  /** Where lines and progress go; takes precedence over `log`. */
  readonly output?: SweepOutput;
  /** Stops the sweep (Ctrl-C): the running worker is killed, nothing more starts. */
  readonly signal?: AbortSignal;
}

/** What happened to each config that finished (configs not run after an interruption are absent). */
export interface SweepOutcome {
  readonly job: ConfigJob;
  readonly result: BenchResult;
  readonly skipped: boolean;
}

/** A one-line label of a config for progress output. */
export function configLabel(job: ConfigJob): string {
  const c = job.config;
  return `${c.dataset} ${c.variant} ${c.backend} ${threadsLabel(c.threads)}${c.loader ? ` ${c.loader}` : ''} ${decoderSlug(c.decoder)}${c.longStrategy ? ` ${strategySlug(c.longStrategy)}` : ''}${batchLabel(c, ' ')}`;
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

/** Fails before any config runs when results could not be written (EACCES, a file in the way). */
async function assertWritable(dir: string): Promise<void> {
  const probe = join(dir, `.write-probe-${process.pid}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(`${dir}: the results directory is not writable (${err.code ?? err.message}); choose another --results or fix its permissions`);
  }
}

/** The run this sweep writes as, and why (printed once). */
async function chooseRunId(resultsDir: string, opts: SweepOptions): Promise<{ runId: string; note: string }> {
  if (opts.runId) return { runId: opts.runId, note: `run ${opts.runId}` };
  const existing = opts.force ? undefined : newestRunId((await scanResults(resultsDir, { recursive: false })).results);
  return existing ? { runId: existing, note: `continuing run ${existing}` } : { runId: newRunId(), note: 'new run' };
}

/**
 * Runs a sweep config by config, each in its own process. Finished configs are reused while their
 * provenance still matches (a rerun resumes), a failed or crashed config is recorded with its reason
 * and the sweep goes on.
 */
export async function runSweep(spec: SweepSpec, opts: SweepOptions): Promise<SweepOutcome[]> {
  const out = opts.output ?? (opts.log ? logOutput(opts.log) : stdoutOutput());
  const resultsDir = resolve(opts.resultsDir);
  const all = planJobs(spec, opts);
  const jobs = opts.select ? opts.select(all) : all;
  await assertWritable(resultsDir);
  const { runId, note } = await chooseRunId(resultsDir, opts);
  out.line(`bench run: ${note}`);
  const hashes = new HashCache(opts.hashStore);
  const worker = opts.worker ?? HARNESS_WORKER;
  const longNames = new Set(jobs.filter((j) => j.dataset.kind === 'long').map((j) => j.dataset.name));
  const oracles: Map<string, OracleState> = await ensureOracles(
    spec,
    longNames,
    { oracleDir: opts.oracleDir ?? join(resultsDir, 'oracle'), hashes, ...(opts.force ? { force: true } : {}), worker, ...(opts.signal ? { signal: opts.signal } : {}) },
    out,
  );
  const outcomes: SweepOutcome[] = [];
  for (const [i, planned] of jobs.entries()) {
    if (opts.signal?.aborted) break;
    const prefix = `[${i + 1}/${jobs.length}] ${configLabel(planned)}`;
    const oracle = oracles.get(planned.config.dataset);
    let provenance: Provenance | null = null;
    try {
      // The oracle's files make a long pass's references and the reference of encoder fidelity.
      const reference = planned.dataset.kind === 'long' || planned.fidelityOracle ? { oracle: oracleVariant(spec) } : {};
      provenance = await provenanceOf({ job: planned, ...reference, hashes });
    } catch {
      // A missing input: the worker names it in the failed result.
    }
    await hashes.save();
    const job: ConfigJob = {
      ...planned,
      runId,
      ...(provenance ? { provenance } : {}),
      ...(oracle?.ok ? { oraclePath: oracle.oraclePath } : {}),
    };
    const decision = decideReuse({
      stored: await readResultFile(job.resultPath),
      current: provenance,
      runId,
      force: opts.force ?? false,
      retryFailed: opts.retryFailed ?? false,
    });
    if (decision.reuse) {
      // Same inputs: no decoding. A new normaliser or reference variant is applied to the stored texts.
      const refreshed = refreshCached(decision.result, job);
      if (refreshed) await writeResult(job.resultPath, refreshed.result);
      const r = refreshed?.result ?? decision.result;
      const how = refreshed?.rescored ? `cached, rescored with ${scoringLabel(scoringOf(r))}` : 'cached';
      const hint = r.status === 'failed' ? ' (inputs unchanged since it failed: rerun it with --retry-failed)' : '';
      out.line(`${prefix}: ${how}, ${describe(r)}${hint}`);
      outcomes.push({ job, result: r, skipped: true });
      continue;
    }
    if (decision.why) out.line(`${prefix}: rerunning: ${decision.why}`);
    const startedAt = new Date().toISOString();
    const t0 = Date.now();
    const stamp = { ...(job.runLabel ? { runLabel: job.runLabel } : {}), runId, ...(provenance ? { provenance } : {}) };
    const failed = (message: string, phase: string): BenchResult =>
      failedResult(job.config, { message, phase }, startedAt, environmentOf(backends[job.config.backend].runtime), stamp);
    let result: BenchResult | null;
    if (oracle && !oracle.ok) {
      result = failed(oracle.reason, oracle.phase);
    } else {
      out.progress(prefix, 'running');
      const profile = job.profileMemory
        ? await measureMemoryProfile(job, { resultsDir, worker, timeoutSec: spec.timeoutSec, progress: (m) => out.progress(prefix, m), ...(opts.signal ? { signal: opts.signal } : {}) })
        : null;
      if (opts.signal?.aborted) break;
      const exit = await runWorker(worker, profile ? { ...job, memoryProfile: profile } : job, spec.timeoutSec, (m) => out.progress(prefix, m), opts.signal);
      if (opts.signal?.aborted) break;
      result = (await readResultFile(job.resultPath)).result;
      if (!result || result.startedAt < startedAt) result = failed(exitReason(exit, spec.timeoutSec), 'process');
    }
    if (result.status === 'failed') await writeResult(job.resultPath, result);
    out.line(`${prefix}: ${describe(result)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    outcomes.push({ job, result, skipped: false });
  }
  return outcomes;
}
