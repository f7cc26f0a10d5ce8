/**
 * Scoring and result building shared by every backend: a backend only produces one
 * {@link ClipTranscript} per clip, so results differ between backends only where the runtime does.
 */
import { TARGET_SAMPLE_RATE } from '../audio/resample.ts';
import type { CacheUse } from '../backend.ts';
import type { MemoryProfile, MemoryReading } from '../memory/memory-schema.ts';
import type { EncoderFidelity } from '../fidelity/fidelity-schema.ts';
import type { LoadedCorpus, LoadedDataset, LoadedLong } from '../dataset/loaded.ts';
import { preprocessorRevision } from '../model/acoustic.ts';
import type { ModelVariant } from '../model/variant.ts';
import { preprocessorFileOf } from '../model/variant.ts';
import type { Accuracy, BenchConfig, BenchResult, ChunkedStrategy, Scoring, SectionResult, UtteranceResult, WordTimes } from '../schema.ts';
import { RESULT_SCHEMA_VERSION } from '../schema.ts';
import type { StageTimings } from '../transcribe.ts';
import { mergeWindowTranscripts, planWindows } from './chunked.ts';
import type { ClipTranscript } from './clip-transcript.ts';
import { liveMean, sumTimings } from './clip-transcript.ts';
import type { RunStamp } from './result-records.ts';
import { stampFields } from './result-records.ts';
import { accuracyIntervals } from './intervals.ts';
import { scoreCorpusResults, scoreUtterance } from './score.ts';
import { DEFAULT_SCORING, normalizerOf } from './scoring.ts';
import { planSections, scoreSections, timedWordsBySection } from './sections.ts';
import { encodeWordTimes, withSectionTimestamps } from './word-timing.ts';

/** Audio seconds per processing second (higher is faster). */
export function rtfxOf(audioSec: number, processMs: number): number {
  return audioSec / (processMs / 1000);
}

/** Accuracy, long-pass and timing fields of a run. */
export interface ScoredRun extends Pick<BenchResult, 'accuracy' | 'longPass' | 'utterances'> {
  /** The normaliser (and language) the scores were computed with. */
  readonly scoring: Scoring;
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
    return { ...t, processMs, rtfx: rtfxOf(scored.audioSec, processMs) };
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

/** Corpus (micro) accuracy of scored items with its WER and CER intervals. */
export function accuracyWithIntervals(items: readonly UtteranceResult[]): Accuracy {
  return { ...scoreCorpusResults(items), ...accuracyIntervals(items) };
}

type LongPass = NonNullable<BenchResult['longPass']>;

/** What a long pass measured besides its sections (the optional fields only when they apply). */
export type LongPassFacts = Pick<LongPass, 'audioSec' | 'sectionSec' | 'encoderFrames' | 'strategy' | 'windows' | 'timestamps'>;

/** The facts of a stored long pass, to rebuild it around rescored sections. */
export function longPassFacts(lp: LongPass): LongPassFacts {
  const { audioSec, sectionSec, encoderFrames, strategy, windows } = lp;
  return { audioSec, sectionSec, encoderFrames, ...(strategy ? { strategy } : {}), ...(windows !== undefined ? { windows } : {}) };
}

/** The long-pass summary of scored sections: the worst section, and what the pass measured. */
export function longPassOf(sections: SectionResult[], pass: LongPassFacts, humanReference?: Accuracy): LongPass {
  const worst = sections.reduce((a, b) => (b.wer > a.wer ? b : a), sections[0]!);
  return {
    ...pass,
    worstSectionIndex: worst.index,
    worstSectionWer: worst.wer,
    sections,
    ...(humanReference ? { humanReference } : {}),
  };
}

function scoreCorpus(data: LoadedCorpus, clips: readonly ClipTranscript[], normalize: (text: string) => string) {
  const utterances: UtteranceResult[] = [];
  const notes = new Set<string>();
  let audioSec = 0;
  data.utterances.forEach((u, i) => {
    const clip = clips[i]!;
    notes.add(`preprocessor: ${preprocessorRevision(clip.samples, clip.featuresLength)}`);
    const durationSec = u.samples.length / TARGET_SAMPLE_RATE;
    audioSec += durationSec;
    const wordTimes = encodeWordTimes(clip.text, clip.words);
    utterances.push({ ...scoreUtterance(u.id, u.audio, durationSec, u.reference, clip.text, normalize), ...(wordTimes ? { wordTimes } : {}) });
  });
  return { accuracy: accuracyWithIntervals(utterances), utterances, audioSec, notes: [...notes] };
}

/**
 * The reference of one long-pass section: the oracle's transcript of the section alone, with its word
 * times from the start of the recording when the oracle recorded them.
 */
export interface SectionReference {
  readonly text: string;
  readonly wordTimes?: WordTimes;
}

const asReference = (r: string | SectionReference): SectionReference => (typeof r === 'string' ? { text: r } : r);

/** Scores each section's words, with their times and the oracle's, and their timestamp agreement. */
function scoreTimedSections(data: LoadedLong, clip: ClipTranscript, oracle: readonly SectionReference[], normalize: (text: string) => string) {
  const audioSec = data.samples.length / TARGET_SAMPLE_RATE;
  const plans = planSections(audioSec, data.sectionSec);
  const words = timedWordsBySection(clip.words, plans);
  const texts = words.map((ws) => ws.map((w) => w.text).join(' '));
  const scored = scoreSections(plans, oracle.map((r) => r.text), texts, data.audio, normalize).map((s, k) => {
    const wordTimes = encodeWordTimes(texts[k]!, words[k]!);
    const referenceWordTimes = oracle[k]!.wordTimes;
    return { ...s, ...(wordTimes ? { wordTimes } : {}), ...(referenceWordTimes ? { referenceWordTimes } : {}) };
  });
  return { audioSec, ...withSectionTimestamps(scored, normalize) };
}

function scoreLong(data: LoadedLong, clip: ClipTranscript, oracle: readonly SectionReference[], normalize: (text: string) => string, chunked?: Pick<LongPass, 'strategy' | 'windows'>) {
  const { audioSec, sections, overall } = scoreTimedSections(data, clip, oracle, normalize);
  if (sections.every((s) => s.words.referenceLength === 0)) {
    throw new Error(
      `${data.audio}: the oracle's transcript is empty in every section, so there is nothing to score the long pass against; is the recording silent, or the oracle variant broken?`,
    );
  }
  const human = data.humanReference !== undefined ? scoreUtterance('human', data.audio, audioSec, data.humanReference, clip.text, normalize) : undefined;
  return {
    accuracy: accuracyWithIntervals(sections),
    longPass: longPassOf(
      sections,
      { audioSec, sectionSec: data.sectionSec, encoderFrames: clip.encodedLength, ...chunked, ...(overall ? { timestamps: overall } : {}) },
      human ? scoreCorpusResults([human]) : undefined,
    ),
    utterances: [],
    audioSec,
    notes: [`preprocessor: ${preprocessorRevision(clip.samples, clip.featuresLength)}`],
  };
}

/**
 * Scores a corpus (one clip per utterance) or a long pass (one clip, or with a chunked `strategy` one
 * clip per window of {@link clipsOf}, against the oracle's sections: their texts, or their texts with
 * word times), normalising reference and hypothesis as `scoring` says (default: the `default`
 * normaliser).
 */
export function scoreRun(
  data: LoadedDataset,
  clips: readonly ClipTranscript[],
  oracle: readonly (string | SectionReference)[] | null,
  scoring: Scoring = DEFAULT_SCORING,
  strategy?: ChunkedStrategy,
): ScoredRun {
  const windows = data.kind === 'long' && strategy ? planWindows(data.samples.length / TARGET_SAMPLE_RATE, strategy) : null;
  const expected = data.kind === 'corpus' ? data.utterances.length : (windows?.length ?? 1);
  if (clips.length !== expected) throw new Error(`got ${clips.length} transcripts for ${expected} clips`);
  const normalize = normalizerOf(scoring);
  let scored;
  if (data.kind === 'corpus') scored = scoreCorpus(data, clips, normalize);
  else {
    if (!oracle) throw new Error('long pass scored without oracle transcripts');
    const references = oracle.map(asReference);
    scored = windows
      ? scoreLong(data, mergeWindowTranscripts(windows, clips), references, normalize, { strategy: strategy!, windows: windows.length })
      : scoreLong(data, clips[0]!, references, normalize);
  }
  const timings = sumTimings(clips);
  const live = liveMean(clips);
  return {
    ...scored,
    scoring,
    timings,
    processMs: timings.preprocessMs + timings.encodeMs + timings.decodeMs,
    ...(live !== undefined ? { meanLiveHypotheses: live } : {}),
  };
}

/** Everything besides the scores that an ok result records. */
export interface OkResultParts {
  readonly config: BenchConfig;
  readonly stamp?: RunStamp;
  readonly startedAt: string;
  readonly environment: BenchResult['environment'];
  readonly variant: ModelVariant;
  readonly vocabSize: number;
  /** Runner notes (execution provider, cache use, upcasts); the scorer's notes are appended. */
  readonly notes: readonly string[];
  readonly loadMs: number;
  readonly memory: MemoryReading;
  readonly decoder: { readonly calls: number; readonly rows: number };
  readonly cache: { readonly featureCache: CacheUse; readonly encoderCache: CacheUse };
  /** Variant the reports compare this config with (see `compareTo` in the result schema). */
  readonly compareTo?: string;
  /** Memory per prefix of a long recording, measured in other processes before this config ran. */
  readonly memoryProfile?: MemoryProfile;
  /** The encoder output against the oracle variant's. */
  readonly encoderFidelity?: EncoderFidelity;
}

/** Builds the `ok` result of a scored run. */
export function okResult(p: OkResultParts, s: ScoredRun): BenchResult {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    config: p.config,
    status: 'ok',
    startedAt: p.startedAt,
    finishedAt: new Date().toISOString(),
    ...stampFields(p.stamp),
    environment: p.environment,
    model: {
      dir: p.variant.dir,
      encoderFile: p.variant.encoderFile,
      decoderFile: p.variant.decoderFile,
      preprocessorFile: preprocessorFileOf(p.variant),
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
      rtfx: rtfxOf(s.audioSec, s.processMs),
      ...(s.repeats ? { repeats: s.repeats } : {}),
    },
    memory: p.memory,
    ...(p.memoryProfile ? { memoryProfile: p.memoryProfile } : {}),
    ...(p.encoderFidelity ? { encoderFidelity: p.encoderFidelity } : {}),
    decodeStats: {
      decoderCalls: p.decoder.calls,
      meanDecoderBatch: p.decoder.calls ? p.decoder.rows / p.decoder.calls : 0,
      ...(s.meanLiveHypotheses !== undefined ? { meanLiveHypotheses: s.meanLiveHypotheses } : {}),
      ...p.cache,
    },
    ...(s.longPass ? { longPass: s.longPass } : {}),
    utterances: s.utterances,
    scoring: s.scoring,
    ...(p.compareTo ? { compareTo: p.compareTo } : {}),
  };
}
