/**
 * Scores what the page transcribed exactly as runner-node scores node-cpu (same core functions, same
 * notes), so a browser result differs from a node one only where the runtime does.
 */
import type { BenchResult, StageTimings, UtteranceResult } from '@parakeet-bench/core';
import {
  errorRate,
  planSections,
  preprocessorRevision,
  scoreCorpusResults,
  scoreSections,
  scoreUtterance,
  sumCounts,
  wordsBySection,
} from '@parakeet-bench/core';
import type { ConfigJob, LoadedCorpus, LoadedLong } from '@parakeet-bench/runner-node';
import type { PageClipResult } from './page/page-protocol.ts';

/** One clip as the page returned it. */
export type ClipRun = PageClipResult;

/** Accuracy, long-pass and timing fields of a browser result. */
export interface ScoredBrowserRun extends Pick<BenchResult, 'accuracy' | 'longPass' | 'utterances'> {
  readonly audioSec: number;
  readonly notes: string[];
  readonly timings: StageTimings;
  readonly processMs: number;
  readonly meanLiveHypotheses?: number;
}

function sumTimings(runs: readonly ClipRun[]): StageTimings {
  const t: StageTimings = { preprocessMs: 0, encodeMs: 0, decodeMs: 0 };
  for (const r of runs) {
    t.preprocessMs += r.timings.preprocessMs;
    t.encodeMs += r.timings.encodeMs;
    t.decodeMs += r.timings.decodeMs;
  }
  return t;
}

function liveMean(runs: readonly ClipRun[]): number | undefined {
  let weighted = 0;
  let calls = 0;
  for (const r of runs) {
    if (r.meanLiveHypotheses === undefined) continue;
    weighted += r.meanLiveHypotheses * r.decoderCalls;
    calls += r.decoderCalls;
  }
  return calls ? weighted / calls : undefined;
}

function scoreCorpus(data: LoadedCorpus, runs: readonly ClipRun[]) {
  const utterances: UtteranceResult[] = [];
  const notes = new Set<string>();
  let audioSec = 0;
  data.utterances.forEach((u, i) => {
    const run = runs[i]!;
    notes.add(`preprocessor: ${preprocessorRevision(run.samples, run.featuresLength)}`);
    const durationSec = u.samples.length / 16000;
    audioSec += durationSec;
    utterances.push(scoreUtterance(u.id, u.audio, durationSec, u.reference, run.text));
  });
  return { accuracy: scoreCorpusResults(utterances, data.droppedEmptyReferences), utterances, audioSec, notes: [...notes] };
}

function scoreLong(job: ConfigJob, data: LoadedLong, run: ClipRun, oracle: readonly string[]) {
  if (job.dataset.kind !== 'long') throw new Error('long dataset expected');
  const audioSec = data.samples.length / 16000;
  const plans = planSections(audioSec, job.dataset.sectionSec);
  const sections = scoreSections(plans, oracle, wordsBySection(run.words, plans), data.audio);
  const words = sumCounts(sections.map((s) => s.words));
  const chars = sumCounts(sections.map((s) => s.chars));
  const worst = sections.reduce((a, b) => (b.wer > a.wer ? b : a), sections[0]!);
  const human = data.humanReference !== undefined ? scoreUtterance('human', data.audio, audioSec, data.humanReference, run.text) : undefined;
  return {
    accuracy: { wer: errorRate(words), cer: errorRate(chars), words, chars, utterances: sections.length, droppedEmptyReferences: 0 },
    longPass: {
      audioSec,
      sectionSec: job.dataset.sectionSec,
      encoderFrames: run.encodedLength,
      worstSectionIndex: worst.index,
      worstSectionWer: worst.wer,
      sections,
      ...(human ? { humanReference: scoreCorpusResults([human], 0) } : {}),
    },
    utterances: [],
    audioSec,
    notes: [`preprocessor: ${preprocessorRevision(run.samples, run.featuresLength)}`],
  };
}

/** Scores the page's transcripts of a corpus (one run per utterance) or a long pass (one run). */
export function scoreBrowserRun(
  job: ConfigJob,
  data: LoadedCorpus | LoadedLong,
  runs: readonly ClipRun[],
  oracle: readonly string[] | null,
): ScoredBrowserRun {
  const expected = data.kind === 'corpus' ? data.utterances.length : 1;
  if (runs.length !== expected) throw new Error(`page returned ${runs.length} transcripts for ${expected} clips`);
  let scored;
  if (data.kind === 'corpus') scored = scoreCorpus(data, runs);
  else {
    if (!oracle) throw new Error('long pass scored without oracle transcripts');
    scored = scoreLong(job, data, runs[0]!, oracle);
  }
  const timings = sumTimings(runs);
  const live = liveMean(runs);
  return {
    ...scored,
    timings,
    processMs: timings.preprocessMs + timings.encodeMs + timings.decodeMs,
    ...(live !== undefined ? { meanLiveHypotheses: live } : {}),
  };
}
