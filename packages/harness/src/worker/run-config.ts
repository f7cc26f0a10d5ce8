/**
 * What a worker process does with one job: load the dataset, check a long pass before any model
 * work, hand the clips to the config's backend, score what it returns and write the result. The
 * backend only transcribes (see core's `Backend`); everything else is the same for every runtime.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchConfig, BenchResult, EncoderFidelity, LoadedDataset, LoadedLong, ModelVariant, RunStamp, ScoredRun, SectionReference, TranscribeOk, TranscribeRequest } from '@parakeet-bench/core';
import {
  PhaseError,
  TARGET_SAMPLE_RATE,
  batchSizeOf,
  clipsOf,
  encodeWordTimes,
  failedResult,
  okResult,
  parseModelConfig,
  phase,
  phaseOf,
  planSections,
  scoreRun,
  sliceSeconds,
  unsupportedResult,
  withRepeats,
} from '@parakeet-bench/core';
import { writeResult } from '@parakeet-bench/results';
import { backends } from '../backends.ts';
import { readOracle, writeOracle } from '../cache/oracle.ts';
import { tensorClipCache } from '../cache/tensor-cache.ts';
import { loadDataset } from '../datasets/load-dataset.ts';
import { measureEncoderFidelity } from '../fidelity/measure-fidelity.ts';
import { frameWallRefusal } from '../sweep/long-strategy.ts';
import { environmentOf } from '../environment.ts';
import type { ConfigJob, OracleJob } from './job.ts';

/** Reports progress of long work inside one job. */
export type ProgressFn = (message: string) => void;

/** Subsampling factor from the variant's config.json (the frame limit is checked before any model loads). */
async function subsamplingFactor(dir: string): Promise<number> {
  const path = join(dir, 'config.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`${path}: model config not found; fetch the variant (bench model fetch) or point the variant at a directory that has it`);
  }
  return parseModelConfig(text, path).subsamplingFactor;
}

/**
 * Checks a long pass before any model work: the encoder frame wall, then the oracle's transcripts.
 * Returns the section references (texts and word times).
 */
export async function prepareLongPass(job: ConfigJob, data: LoadedLong): Promise<SectionReference[]> {
  if (job.dataset.kind !== 'long') throw new Error('long dataset expected');
  const audioSec = data.samples.length / TARGET_SAMPLE_RATE;
  const factor = await phase('plan', () => subsamplingFactor(job.variant.dir));
  const refusal = frameWallRefusal(data.audio, audioSec, job.config.longStrategy, job.dataset.maxEncoderFrames, factor);
  if (refusal) throw new PhaseError('plan', new Error(refusal));
  const oracle = job.oraclePath ? await readOracle(job.oraclePath) : null;
  if (!oracle) {
    throw new PhaseError('oracle', new Error(`oracle transcripts missing (${job.oraclePath ?? 'no path'}); run the sweep, which computes them first`));
  }
  return oracle.sections.map((s) => ({ text: s.text, ...(s.wordTimes ? { wordTimes: s.wordTimes } : {}) }));
}

function scored(job: ConfigJob, data: LoadedDataset, out: TranscribeOk, oracle: SectionReference[] | null): ScoredRun {
  return withRepeats(scoreRun(data, out.passes[0]!, oracle, job.scoring, job.config.longStrategy), out.passes);
}

/** What the progress line says a long config is about to do. */
function longPassLabel(job: ConfigJob, data: LoadedLong, clips: number): string {
  const sec = (data.samples.length / TARGET_SAMPLE_RATE).toFixed(0);
  const s = job.config.longStrategy;
  return s ? `${clips} windows of ${s.windowSec} s (${s.overlapSec} s overlap) over ${sec} s` : `single pass of ${sec} s`;
}

/** What a backend is asked to run for `config` over `clips` (one pass, no cache: callers add those). */
export function requestFor(config: BenchConfig, variant: ModelVariant, clips: readonly Float32Array[], progress: ProgressFn): TranscribeRequest {
  return {
    backend: config.backend,
    variant,
    threads: config.threads,
    decoder: config.decoder,
    ...(config.loader ? { loader: config.loader } : {}),
    clips,
    repeats: 1,
    ...(config.batchSize !== undefined ? { batchSize: config.batchSize } : {}),
    progress,
  };
}

/** Runs one config in this process and returns its result (ok, unsupported, or thrown). */
export async function runConfig(job: ConfigJob, progress: ProgressFn = () => undefined): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const { config } = job;
  const data = await phase('audio', () => loadDataset(job.dataset));
  const oracle = data.kind === 'long' ? await prepareLongPass(job, data) : null;
  const clips = clipsOf(data, job.config.longStrategy);
  if (data.kind === 'long') progress(longPassLabel(job, data, clips.length));
  const backend = await phase('plan', () => backends[config.backend].load());
  // Without provenance (hashes) there is no content key: no cache rather than a name-keyed one.
  const cache =
    job.cacheDir && job.provenance
      ? tensorClipCache({ dir: job.cacheDir, role: job.cacheRole ?? 'fresh', modelFiles: job.provenance.model.files, backend: config.backend, threads: config.threads, clips, batchSize: batchSizeOf(config) })
      : undefined;
  const out = await backend.transcribe({ ...requestFor(config, job.variant, clips, progress), repeats: job.repeats ?? 1, ...(cache ? { cache } : {}) });
  if (out.status === 'unsupported') return unsupportedResult(config, out.reason, startedAt, environmentOf(out.runtime), stampOf(job));
  const s = await phase('score', async () => scored(job, data, out, oracle));
  const fidelity = await fidelityOf(job, data, progress);
  return okResult(
    {
      config,
      stamp: stampOf(job),
      startedAt,
      environment: environmentOf(out.runtime),
      variant: out.variant,
      vocabSize: out.vocabSize,
      notes: [...out.notes, ...(fidelity.note ? [fidelity.note] : [])],
      loadMs: out.loadMs,
      memory: out.memory,
      decoder: { calls: out.decoderCalls, rows: out.decoderRows },
      cache: { featureCache: out.featureCache, encoderCache: out.encoderCache },
      ...(job.compareTo ? { compareTo: job.compareTo } : {}),
      ...(job.memoryProfile ? { memoryProfile: job.memoryProfile } : {}),
      ...(fidelity.block ? { encoderFidelity: fidelity.block } : {}),
    },
    s,
  );
}

/**
 * The config's encoder fidelity against the oracle, when the sweep asked for it (node-cpu, non-oracle
 * variant). A comparison that cannot be made (another model's encoder, a missing oracle file) is a
 * note on an otherwise measured result, not a failed config.
 */
async function fidelityOf(job: ConfigJob, data: LoadedDataset, progress: ProgressFn): Promise<{ block?: EncoderFidelity; note?: string }> {
  const oracleFiles = job.provenance?.oracle?.files;
  if (!job.fidelityOracle || !job.provenance || !oracleFiles) return {};
  try {
    const block = await measureEncoderFidelity({
      variant: job.variant,
      variantFiles: job.provenance.model.files,
      oracle: job.fidelityOracle,
      oracleFiles,
      data,
      ...(job.cacheDir ? { cacheDir: job.cacheDir } : {}),
      progress,
    });
    return { block };
  } catch (e) {
    return { note: `encoder fidelity against ${job.fidelityOracle.id} not measured: ${(e as Error).message}` };
  }
}


/** The run id, label and provenance every result of `job` carries. */
function stampOf(job: ConfigJob): RunStamp {
  return {
    ...(job.runLabel ? { runLabel: job.runLabel } : {}),
    ...(job.runId ? { runId: job.runId } : {}),
    ...(job.provenance ? { provenance: job.provenance } : {}),
  };
}

/**
 * Worker entry of a config job: its result file is written whatever happens short of a crash. A
 * result that fails validation is recorded as failed with the validation message, never dropped.
 */
export async function runConfigJob(job: ConfigJob, progress: ProgressFn): Promise<void> {
  const startedAt = new Date().toISOString();
  const failed = (e: unknown, fallbackPhase: string): BenchResult => {
    const err = e as Error;
    const error = { message: err.message, phase: phaseOf(e, fallbackPhase), ...(err.stack ? { stack: err.stack } : {}) };
    return failedResult(job.config, error, startedAt, environmentOf(backends[job.config.backend].runtime), stampOf(job));
  };
  let result: BenchResult;
  try {
    result = await runConfig(job, progress);
  } catch (e) {
    result = failed(e, 'run');
  }
  try {
    await writeResult(job.resultPath, result);
  } catch (e) {
    if (result.status === 'failed') throw e;
    await writeResult(job.resultPath, failed(e, 'result'));
  }
}

/** Worker entry of an oracle job: the oracle variant transcribes each section alone on node-cpu. */
export async function runOracleJob(job: OracleJob, progress: ProgressFn): Promise<void> {
  const data = await loadDataset(job.dataset);
  if (data.kind !== 'long') throw new Error('oracle needs a long dataset');
  const audioSec = data.samples.length / TARGET_SAMPLE_RATE;
  const plans = planSections(audioSec, job.dataset.sectionSec);
  const backend = await backends['node-cpu'].load();
  const out = await backend.transcribe({
    backend: 'node-cpu',
    variant: job.variant,
    threads: job.threads,
    decoder: { kind: 'greedy' },
    clips: plans.map((p) => sliceSeconds(data.samples, p.startSec, p.endSec)),
    repeats: 1,
    progress: (m) => progress(`oracle ${m.replace(/^clip/, 'section')}`),
  });
  if (out.status !== 'ok') throw new Error(`oracle ${job.variant.id} cannot run on node-cpu: ${out.reason}`);
  const sections = plans.map((p, i) => {
    const clip = out.passes[0]![i]!;
    const wordTimes = encodeWordTimes(clip.text, clip.words, p.startSec);
    return { ...p, text: clip.text, ...(wordTimes ? { wordTimes } : {}) };
  });
  await writeOracle(job.oraclePath, { dataset: job.dataset.name, audio: job.dataset.audio, variant: job.variant.id, audioSec, sectionSec: job.dataset.sectionSec, sections });
}
