/**
 * Word timestamps in results and how well two transcripts agree on them. Times are stored compactly,
 * as parallel arrays of whole centiseconds (an 80 ms encoder frame is exactly 8 cs, so frame times are
 * stored without loss), aligned with the words of the text they belong to (split on single spaces).
 *
 * Agreement: both texts are normalised word by word (each normalised word keeps the start of the word
 * it came from), aligned with the jiwer-compatible aligner, and the absolute start difference of every
 * word that aligns as a hit is measured; the summary is the median and the 95th percentile in ms.
 */
import { alignTokens } from '../metrics/align.ts';
import { splitWords } from '../metrics/wer.ts';
import type { SectionResult, TimestampAgreement, UtteranceResult, WordTimes } from '../schema.ts';
import type { TimedWord } from '../text/detokenize.ts';

/** Seconds to whole centiseconds (frame times are multiples of 8 cs, so this is exact for them). */
const toCs = (sec: number): number => Math.max(0, Math.round(sec * 100));

/**
 * The compact times of `words`, shifted by `offsetSec` (a section or window start), or undefined when
 * the words are not the words of `text` (then there is nothing they could be aligned with).
 */
export function encodeWordTimes(text: string, words: readonly TimedWord[], offsetSec = 0): WordTimes | undefined {
  if (words.map((w) => w.text).join(' ') !== text) return undefined;
  return { startCs: words.map((w) => toCs(w.startSec + offsetSec)), endCs: words.map((w) => toCs(w.endSec + offsetSec)) };
}

/** The words of a stored text (split on single spaces, as results store them). */
function textWords(text: string): string[] {
  return text === '' ? [] : text.split(' ');
}

/** A text with its word times, as results store them. */
export interface TimedText {
  readonly text: string;
  readonly times?: WordTimes;
}

/** Normalised words, each with the start (cs) of the stored word it came from; null without usable times. */
function normalisedStarts(t: TimedText, normalize: (text: string) => string): { words: string[]; startCs: number[] } | null {
  const raw = textWords(t.text);
  if (!t.times || t.times.startCs.length !== raw.length) return null;
  const words: string[] = [];
  const startCs: number[] = [];
  raw.forEach((w, i) => {
    for (const n of splitWords(normalize(w))) {
      words.push(n);
      startCs.push(t.times!.startCs[i]!);
    }
  });
  return { words, startCs };
}

/**
 * Absolute start differences (ms) of the words of `hypothesis` that align as hits with `reference`,
 * after normalising each word; null when either side has no usable times.
 */
export function hitStartDiffsMs(reference: TimedText, hypothesis: TimedText, normalize: (text: string) => string): number[] | null {
  const ref = normalisedStarts(reference, normalize);
  const hyp = normalisedStarts(hypothesis, normalize);
  if (!ref || !hyp) return null;
  const diffs: number[] = [];
  for (const chunk of alignTokens(ref.words, hyp.words).chunks) {
    if (chunk.type !== 'equal') continue;
    for (let k = 0; k < chunk.refEnd - chunk.refStart; k++) {
      diffs.push(10 * Math.abs(hyp.startCs[chunk.hypStart + k]! - ref.startCs[chunk.refStart + k]!));
    }
  }
  return diffs;
}

/** The q-quantile (0..1) of ascending values, interpolating linearly between order statistics (numpy's default). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values');
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Median and p95 of start differences; undefined when no word aligned as a hit. */
export function summarizeStartDiffs(diffsMs: readonly number[]): TimestampAgreement | undefined {
  if (diffsMs.length === 0) return undefined;
  const sorted = [...diffsMs].sort((a, b) => a - b);
  return { hitWords: sorted.length, medianStartDiffMs: quantileSorted(sorted, 0.5), p95StartDiffMs: quantileSorted(sorted, 0.95) };
}

/** The stored time fields of an utterance or section (carried over when it is rescored). */
export function timeFieldsOf(u: Pick<UtteranceResult, 'wordTimes' | 'referenceWordTimes'>): Pick<UtteranceResult, 'wordTimes' | 'referenceWordTimes'> {
  return { ...(u.wordTimes ? { wordTimes: u.wordTimes } : {}), ...(u.referenceWordTimes ? { referenceWordTimes: u.referenceWordTimes } : {}) };
}

/**
 * Long-pass sections with their word-start agreement (hypothesis against the oracle's transcript of
 * the section, both with times from the start of the recording), and the agreement over the hit words
 * of every section together. Sections without times on both sides get none.
 */
export function withSectionTimestamps(
  sections: readonly SectionResult[],
  normalize: (text: string) => string,
): { sections: SectionResult[]; overall?: TimestampAgreement } {
  const all: number[] = [];
  const out = sections.map((s) => {
    const { timestamps: _stale, ...rest } = s;
    const diffs = hitStartDiffsMs({ text: s.reference, ...(s.referenceWordTimes ? { times: s.referenceWordTimes } : {}) }, { text: s.hypothesis, ...(s.wordTimes ? { times: s.wordTimes } : {}) }, normalize);
    if (!diffs) return rest;
    all.push(...diffs);
    const agreement = summarizeStartDiffs(diffs);
    return agreement ? { ...rest, timestamps: agreement } : rest;
  });
  const overall = summarizeStartDiffs(all);
  return { sections: out, ...(overall ? { overall } : {}) };
}
