/**
 * Scoring and result building shared by every runner (node-cpu here, web-wasm/web-webgpu in
 * runner-browser): a runner only produces one {@link ClipTranscript} per clip, so results differ
 * between backends only where the runtime does.
 */
import type { BenchResult, ClipTranscript, ModelVariant, StageTimings, UtteranceResult } from '@parakeet-bench/core';
import {
  RESULT_SCHEMA_VERSION,
  TARGET_SAMPLE_RATE,
  planSections,
  preprocessorRevision,
  scoreCorpusResults,
  scoreSections,
  scoreUtterance,
  wordsBySection,
} from '@parakeet-bench/core';
import type { LoadedCorpus, LoadedLong } from './datasets.ts';
import type { ConfigJob } from './job.ts';

/** Accuracy, long-pass and timing fields of a run. */
export interface ScoredRun extends Pick<BenchResult, 'accuracy' | 'longPass' | 'utterances'> {
  readonly audioSec: number;
  readonly notes: string[];
  readonly timings: StageTimings;
  readonly processMs: number;
  readonly meanLiveHypotheses?: number;
  /** Every timed repeat, when the config ran more than once. */
  readonly repeats?: NonNullable<NonNullable<BenchResult['timing']>['repeats']>;
}

/**
 * Folds repeated passes over the same clips into a scored run: accuracy stays the first pass's, the
 * timings become the median pass's (by processMs), every pass is listed, and a pass whose transcripts
 * differ from the first is noted (decoding should be deterministic).
 */
export function withRepeats(scored: ScoredRun, passes: readonly (readonly ClipTranscript[])[]): ScoredRun {
  if (passes.length < 2) return scored;
  const timed = passes.map((clips) => {
    const t = sumTimings(clips);
    const processMs = t.preprocessMs + t.encodeMs + t.decodeMs;
    return { ...t, processMs, rtfx: scored.audioSec / (processMs / 1000) };
  });
  const median = [...timed].sort((a, b) => a.processMs - b.processMs)[Math.floor((timed.length - 1) / 2)]!;
  const first = passes[0]!.map((c) => c.text).join('\n');
  const drifted = passes.filter((clips) => clips.map((c) => c.text).join('\n') !== first).length;
  return {
    ...scored,
    timings: { preprocessMs: median.preprocessMs, encodeMs: median.encodeMs, decodeMs: median.decodeMs },
    processMs: median.processMs,
    repeats: timed,
    notes: [...scored.notes, ...(drifted ? [`${drifted} of ${passes.length} repeats transcribed differently from the first`] : [])],
  };
}

function sumTimings(clips: readonly ClipTranscript[]): StageTimings {
  const t: StageTimings = { preprocessMs: 0, encodeMs: 0, decodeMs: 0 };
  for (const c of clips) {
    t.preprocessMs += c.timings.preprocessMs;
    t.encodeMs += c.timings.encodeMs;
    t.decodeMs += c.timings.decodeMs;
  }
  return t;
}

/** Mean live hypotheses over clips, weighted by decoder calls (beam search only). */
function liveMean(clips: readonly ClipTranscript[]): number | undefined {
  let weighted = 0;
  let calls = 0;
  for (const c of clips) {
    if (c.meanLiveHypotheses === undefined) continue;
    weighted += c.meanLiveHypotheses * c.decoderCalls;
    calls += c.decoderCalls;
  }
  return calls ? weighted / calls : undefined;
}

function scoreCorpus(data: LoadedCorpus, clips: readonly ClipTranscript[]) {
  const utterances: UtteranceResult[] = [];
  const notes = new Set<string>();
  let audioSec = 0;
  data.utterances.forEach((u, i) => {
    const clip = clips[i]!;
    notes.add(`preprocessor: ${preprocessorRevision(clip.samples, clip.featuresLength)}`);
    const durationSec = u.samples.length / TARGET_SAMPLE_RATE;
    audioSec += durationSec;
    utterances.push(scoreUtterance(u.id, u.audio, durationSec, u.reference, clip.text));
  });
  return { accuracy: scoreCorpusResults(utterances, data.droppedEmptyReferences), utterances, audioSec, notes: [...notes] };
}

function scoreLong(job: ConfigJob, data: LoadedLong, clip: ClipTranscript, oracle: readonly string[]) {
  if (job.dataset.kind !== 'long') throw new Error('long dataset expected');
  const audioSec = data.samples.length / TARGET_SAMPLE_RATE;
  const plans = planSections(audioSec, job.dataset.sectionSec);
  const sections = scoreSections(plans, oracle, wordsBySection(clip.words, plans), data.audio);
  const worst = sections.reduce((a, b) => (b.wer > a.wer ? b : a), sections[0]!);
  const human = data.humanReference !== undefined ? scoreUtterance('human', data.audio, audioSec, data.humanReference, clip.text) : undefined;
  return {
    accuracy: scoreCorpusResults(sections, 0),
    longPass: {
      audioSec,
      sectionSec: job.dataset.sectionSec,
      encoderFrames: clip.encodedLength,
      worstSectionIndex: worst.index,
      worstSectionWer: worst.wer,
      sections,
      ...(human ? { humanReference: scoreCorpusResults([human], 0) } : {}),
    },
    utterances: [],
    audioSec,
    notes: [`preprocessor: ${preprocessorRevision(clip.samples, clip.featuresLength)}`],
  };
}

/** Scores a corpus (one clip per utterance) or a long pass (one clip, against the oracle's sections). */
export function scoreRun(job: ConfigJob, data: LoadedCorpus | LoadedLong, clips: readonly ClipTranscript[], oracle: readonly string[] | null): ScoredRun {
  const expected = data.kind === 'corpus' ? data.utterances.length : 1;
  if (clips.length !== expected) throw new Error(`got ${clips.length} transcripts for ${expected} clips`);
  let scored;
  if (data.kind === 'corpus') scored = scoreCorpus(data, clips);
  else {
    if (!oracle) throw new Error('long pass scored without oracle transcripts');
    scored = scoreLong(job, data, clips[0]!, oracle);
  }
  const timings = sumTimings(clips);
  const live = liveMean(clips);
  return {
    ...scored,
    timings,
    processMs: timings.preprocessMs + timings.encodeMs + timings.decodeMs,
    ...(live !== undefined ? { meanLiveHypotheses: live } : {}),
  };
}

/** Everything besides the scores that an ok result records. */
export interface OkResultParts {
  readonly job: ConfigJob;
  readonly startedAt: string;
  readonly environment: BenchResult['environment'];
  readonly variant: ModelVariant;
  readonly vocabSize: number;
  /** Runner notes (execution provider, cache use, upcasts); the scorer's notes are appended. */
  readonly notes: readonly string[];
  readonly loadMs: number;
  readonly memory: NonNullable<BenchResult['memory']>;
  readonly decoder: { readonly calls: number; readonly rows: number };
  readonly cache: Pick<NonNullable<BenchResult['decodeStats']>, 'featureCache' | 'encoderCache'>;
}

/** Builds the `ok` result of a scored run. */
export function okResult(p: OkResultParts, s: ScoredRun): BenchResult {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    config: p.job.config,
    status: 'ok',
    startedAt: p.startedAt,
    finishedAt: new Date().toISOString(),
    ...(p.job.runLabel ? { runLabel: p.job.runLabel } : {}),
    environment: p.environment,
    model: {
      dir: p.variant.dir,
      encoderFile: p.variant.encoderFile,
      decoderFile: p.variant.decoderFile,
      preprocessorFile: p.variant.preprocessorFile ?? 'nemo128.onnx',
      vocabSize: p.vocabSize,
      notes: [...p.notes, ...s.notes],
    },
    accuracy: s.accuracy,
    timing: {
      loadMs: p.loadMs,
      ...s.timings,
      processMs: s.processMs,
      audioSec: s.audioSec,
      rtf: s.processMs / 1000 / s.audioSec,
      rtfx: s.audioSec / (s.processMs / 1000),
      ...(s.repeats ? { repeats: s.repeats } : {}),
    },
    memory: p.memory,
    decodeStats: {
      decoderCalls: p.decoder.calls,
      meanDecoderBatch: p.decoder.calls ? p.decoder.rows / p.decoder.calls : 0,
      ...(s.meanLiveHypotheses !== undefined ? { meanLiveHypotheses: s.meanLiveHypotheses } : {}),
      ...p.cache,
    },
    ...(s.longPass ? { longPass: s.longPass } : {}),
    utterances: s.utterances,
  };
}
