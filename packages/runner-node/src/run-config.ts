import type { BenchResult, ParakeetModel, StageTimings, UtteranceResult } from '@parakeet-bench/core';
import {
  RESULT_SCHEMA_VERSION,
  decodeEncoded,
  encodeAudio,
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

async function runCorpus(model: ParakeetModel, job: ConfigJob, data: LoadedCorpus, timings: StageTimings, progress: ProgressFn): Promise<Scored> {
  const utterances: UtteranceResult[] = [];
  const notes = new Set<string>();
  let audioSec = 0;
  for (const [i, u] of data.utterances.entries()) {
    const enc = await phase('encode', () => encodeAudio(model, u.samples, timings));
    notes.add(`preprocessor: ${preprocessorRevision(u.samples.length, enc.features.length)}`);
    const { text } = await phase('decode', () => decodeEncoded(model, enc.encoded, job.config.decoder, timings));
    const durationSec = u.samples.length / 16000;
    audioSec += durationSec;
    utterances.push(scoreUtterance(u.id, u.audio, durationSec, u.reference, text.text));
    progress(`utterance ${i + 1}/${data.utterances.length}`);
  }
  const accuracy = scoreCorpusResults(utterances, data.droppedEmptyReferences);
  return { accuracy, utterances, audioSec, notes: [...notes] };
}

async function runLong(model: ParakeetModel, job: ConfigJob, data: LoadedLong, timings: StageTimings, progress: ProgressFn): Promise<Scored> {
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
  progress(`single pass of ${audioSec.toFixed(0)} s`);
  const enc = await phase('encode', () => encodeAudio(model, data.samples, timings));
  const { text } = await phase('decode', () => decodeEncoded(model, enc.encoded, job.config.decoder, timings));
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
      encoderFrames: enc.encoded.length,
      worstSectionIndex: worst.index,
      worstSectionWer: worst.wer,
      sections,
      ...(human ? { humanReference: scoreCorpusResults([human], 0) } : {}),
    },
    utterances: [],
    audioSec,
    notes: [`preprocessor: ${preprocessorRevision(data.samples.length, enc.features.length)}`],
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
  try {
    const scored = data.kind === 'corpus' ? await runCorpus(model, job, data, timings, progress) : await runLong(model, job, data, timings, progress);
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
        featureCache: 'off',
        encoderCache: 'off',
      },
      ...(scored.longPass ? { longPass: scored.longPass } : {}),
      utterances: scored.utterances,
    };
  } finally {
    await model.release();
  }
}
