import type { BenchResult, ParakeetModel, StageTimings, UtteranceResult } from '@parakeet-bench/core';
import {
  RESULT_SCHEMA_VERSION,
  decodeEncoded,
  encoderFramesFor,
  nowMs,
  planSections,
  preprocessorRevision,
  scoreCorpusResults,
  scoreSections,
  scoreUtterance,
  sumCounts,
  errorRate,
  wordsBySection,
  loadParakeet,
} from '@parakeet-bench/core';
import { loadDataset } from './datasets.ts';
import type { LoadedCorpus, LoadedLong } from './datasets.ts';
import { nodeEnvironment, peakRssBytes } from './environment.ts';
import type { ConfigJob } from './job.ts';
import { nodeModelSource } from './node-source.ts';
import { readOracle } from './oracle.ts';
import { CacheTally, encodeCached } from './cached-encode.ts';
import type { EncodeContext } from './cached-encode.ts';

/** Reports progress of long work inside one config. */
export type ProgressFn = (message: string) => void;

/** A failure tagged with the phase it happened in (load, audio, decode, score). */
export class PhaseError extends Error {
  constructor(readonly phase: string, cause: unknown) {
    super((cause as Error)?.message ?? String(cause));
    this.stack = (cause as Error)?.stack ?? this.stack;
  }
}

async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw e instanceof PhaseError ? e : new PhaseError(name, e);
  }
}

type Scored = Pick<BenchResult, 'accuracy' | 'longPass' | 'utterances'> & { audioSec: number; notes: string[] };

/** Per-config state shared by the corpus and long-pass runs. */
interface RunContext {
  readonly model: ParakeetModel;
  readonly job: ConfigJob;
  readonly timings: StageTimings;
  readonly progress: ProgressFn;
  readonly encode: EncodeContext;
  /** Live-hypothesis means of each decoded clip, weighted by decoder calls. */
  readonly live: { weighted: number; calls: number };
}

async function transcribeClip(ctx: RunContext, samples: Float32Array) {
  const enc = await phase('encode', () => encodeCached(ctx.model, samples, ctx.timings, ctx.encode));
  const out = await phase('decode', () => decodeEncoded(ctx.model, enc.encoded, ctx.job.config.decoder, ctx.timings));
  if (out.decode.meanLiveHypotheses !== undefined) {
    ctx.live.weighted += out.decode.meanLiveHypotheses * out.decode.decoderCalls;
    ctx.live.calls += out.decode.decoderCalls;
  }
  return { ...enc, text: out.text };
}

async function runCorpus(ctx: RunContext, data: LoadedCorpus): Promise<Scored> {
  const utterances: UtteranceResult[] = [];
  const notes = new Set<string>();
  let audioSec = 0;
  for (const [i, u] of data.utterances.entries()) {
    const { features, text } = await transcribeClip(ctx, u.samples);
    notes.add(`preprocessor: ${preprocessorRevision(u.samples.length, features.length)}`);
    const durationSec = u.samples.length / 16000;
    audioSec += durationSec;
    utterances.push(scoreUtterance(u.id, u.audio, durationSec, u.reference, text.text));
    ctx.progress(`utterance ${i + 1}/${data.utterances.length}`);
  }
  const accuracy = scoreCorpusResults(utterances, data.droppedEmptyReferences);
  return { accuracy, utterances, audioSec, notes: [...notes] };
}

async function runLong(ctx: RunContext, data: LoadedLong): Promise<Scored> {
  const { model, job } = ctx;
  if (job.dataset.kind !== 'long') throw new Error('long dataset expected');
  const audioSec = data.samples.length / 16000;
  const frames = encoderFramesFor(audioSec, model.config);
  if (frames > job.dataset.maxEncoderFrames) {
    throw new PhaseError(
      'plan',
      new Error(`${data.audio}: a single pass of ${audioSec.toFixed(1)} s needs ${frames} encoder frames, over the limit of ${job.dataset.maxEncoderFrames} (the real encoder fails past ~5000); lower maxSec`),
    );
  }
  const oracle = job.oraclePath ? await readOracle(job.oraclePath) : null;
  if (!oracle) throw new PhaseError('oracle', new Error(`oracle transcripts missing (${job.oraclePath ?? 'no path'}); run the sweep, which computes them first`));
  ctx.progress(`single pass of ${audioSec.toFixed(0)} s`);
  const { features, encoded, text } = await transcribeClip(ctx, data.samples);
  const plans = planSections(audioSec, job.dataset.sectionSec);
  const sections = scoreSections(plans, oracle.sections.map((s) => s.text), wordsBySection(text.words, plans), data.audio);
  const words = sumCounts(sections.map((s) => s.words));
  const chars = sumCounts(sections.map((s) => s.chars));
  const worst = sections.reduce((a, b) => (b.wer > a.wer ? b : a), sections[0]!);
  const human = data.humanReference !== undefined ? scoreUtterance('human', data.audio, audioSec, data.humanReference, text.text) : undefined;
  return {
    accuracy: { wer: errorRate(words), cer: errorRate(chars), words, chars, utterances: sections.length, droppedEmptyReferences: 0 },
    longPass: {
      audioSec,
      sectionSec: job.dataset.sectionSec,
      encoderFrames: encoded.length,
      worstSectionIndex: worst.index,
      worstSectionWer: worst.wer,
      sections,
      ...(human ? { humanReference: scoreCorpusResults([human], 0) } : {}),
    },
    utterances: [],
    audioSec,
    notes: [`preprocessor: ${preprocessorRevision(data.samples.length, features.length)}`],
  };
}

/**
 * Runs one config in this process: load audio (baseline RSS), load model, transcribe, score. Meant to
 * run in its own child process so peak RSS belongs to this config alone.
 */
export async function runConfig(job: ConfigJob, progress: ProgressFn = () => undefined): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const data = await phase('audio', () => loadDataset(job.dataset));
  const baselineRssBytes = process.memoryUsage().rss;
  const timings: StageTimings = { preprocessMs: 0, encodeMs: 0, decodeMs: 0 };
  const t0 = nowMs();
  const model = await phase('load', () => loadParakeet(nodeModelSource(job.variant.dir, { threads: job.config.threads }), job.variant));
  const loadMs = nowMs() - t0;
  const ctx: RunContext = {
    model,
    job,
    timings,
    progress,
    encode: {
      ...(job.cacheDir ? { cache: { dir: job.cacheDir } } : {}),
      role: job.cacheRole ?? 'fresh',
      backend: job.config.backend,
      featureTally: new CacheTally(job.cacheDir !== undefined),
      encoderTally: new CacheTally(job.cacheDir !== undefined),
    },
    live: { weighted: 0, calls: 0 },
  };
  try {
    const scored = data.kind === 'corpus' ? await runCorpus(ctx, data) : await runLong(ctx, data);
    if (ctx.encode.encoderTally.use !== 'off' && ctx.encode.encoderTally.use !== 'miss') {
      scored.notes.push(
        'encoder output from the tensor cache: encode time is the one measured when the entry was computed; peak RSS excludes the encoder run',
      );
    }
    const processMs = timings.preprocessMs + timings.encodeMs + timings.decodeMs;
    const peak = peakRssBytes();
    return {
      schemaVersion: RESULT_SCHEMA_VERSION,
      config: job.config,
      status: 'ok',
      startedAt,
      finishedAt: new Date().toISOString(),
      ...(job.runLabel ? { runLabel: job.runLabel } : {}),
      environment: nodeEnvironment(),
      model: {
        dir: job.variant.dir,
        encoderFile: job.variant.encoderFile,
        decoderFile: job.variant.decoderFile,
        preprocessorFile: job.variant.preprocessorFile ?? 'nemo128.onnx',
        vocabSize: model.vocab.size,
        notes: scored.notes,
      },
      accuracy: scored.accuracy,
      timing: {
        loadMs,
        ...timings,
        processMs,
        audioSec: scored.audioSec,
        rtf: processMs / 1000 / scored.audioSec,
        rtfx: scored.audioSec / (processMs / 1000),
      },
      memory: { peakRssBytes: peak, baselineRssBytes, modelRssBytes: peak - baselineRssBytes, source: 'node process (getrusage maxrss)' },
      decodeStats: {
        decoderCalls: model.joint.calls,
        meanDecoderBatch: model.joint.calls ? model.joint.rows / model.joint.calls : 0,
        ...(ctx.live.calls ? { meanLiveHypotheses: ctx.live.weighted / ctx.live.calls } : {}),
        featureCache: ctx.encode.featureTally.use,
        encoderCache: ctx.encode.encoderTally.use,
      },
      ...(scored.longPass ? { longPass: scored.longPass } : {}),
      utterances: scored.utterances,
    };
  } finally {
    await model.release();
  }
}
