/**
 * The chunked long-audio strategy: encode overlapping windows, decode each alone, merge the words.
 *
 * Windows of `windowSec` start every `windowSec - overlapSec` seconds; the last one ends at the end of
 * the recording. At most half a window overlaps (the schema checks it), so an instant lies in at most
 * two windows and a seam only ever joins neighbours.
 *
 * Merging at an overlap: the left window's words are kept up to the overlap midpoint and the right
 * window's from there on, so each side contributes the words it heard with at least half the overlap
 * of context (a word cut by a window edge is always taken from the window that holds it whole, as long
 * as it is shorter than half the overlap). The two windows may place the same word a frame apart, so
 * the seam is not a bare time cut: the words of both windows inside the overlap are aligned, and the
 * seam is the shared word (a hit, starting within {@link SEAM_MATCH_SEC} on both sides) nearest the
 * midpoint: the left words before it, then the right words from it on. Only when the windows share no
 * word in the overlap does the plain time cut decide. Times are made absolute (window start added).
 */
import { sliceSeconds } from './sections.ts';
import { alignTokens } from '../metrics/align.ts';
import type { ChunkedStrategy } from '../schema.ts';
import type { TimedWord } from '../text/detokenize.ts';
import type { ClipTranscript } from './clip-transcript.ts';
import { liveMean, sumTimings } from './clip-transcript.ts';

/** One window of a chunked pass: [startSec, endSec) of the recording. */
export interface WindowPlan {
  readonly index: number;
  readonly startSec: number;
  readonly endSec: number;
}

/** Two words of neighbouring windows are the same word only if they start at most this far apart. */
export const SEAM_MATCH_SEC = 0.5;

/** The windows covering [0, durationSec); a recording no longer than one window is one window. */
export function planWindows(durationSec: number, s: Pick<ChunkedStrategy, 'windowSec' | 'overlapSec'>): WindowPlan[] {
  if (!(s.windowSec > 0) || !(s.overlapSec >= 0) || 2 * s.overlapSec > s.windowSec) {
    throw new Error(`chunked strategy: windowSec ${s.windowSec} and overlapSec ${s.overlapSec} need windowSec > 0 and 0 <= overlapSec <= windowSec / 2`);
  }
  const step = s.windowSec - s.overlapSec;
  const windows: WindowPlan[] = [];
  for (let start = 0; ; start += step) {
    const endSec = Math.min(start + s.windowSec, durationSec);
    windows.push({ index: windows.length, startSec: start, endSec });
    if (endSec >= durationSec) return windows;
  }
}

/** The samples of each window. */
export function windowClips(samples: Float32Array, windows: readonly WindowPlan[]): Float32Array[] {
  return windows.map((w) => sliceSeconds(samples, w.startSec, w.endSec));
}

const shifted = (w: TimedWord, by: number): TimedWord => ({ text: w.text, startSec: w.startSec + by, endSec: w.endSec + by });

/**
 * Joins `left` (the words merged so far, absolute) and `right` (the next window's, absolute) at the
 * overlap [overlapStart, overlapEnd): see the file header.
 */
export function joinAtOverlap(left: readonly TimedWord[], right: readonly TimedWord[], overlapStart: number, overlapEnd: number): TimedWord[] {
  const mid = (overlapStart + overlapEnd) / 2;
  const tailFrom = left.findIndex((w) => w.startSec >= overlapStart);
  const tailAt = tailFrom < 0 ? left.length : tailFrom;
  const headEnd = right.findIndex((w) => w.startSec >= overlapEnd);
  const head = right.slice(0, headEnd < 0 ? right.length : headEnd);
  const tail = left.slice(tailAt);
  let best: { l: number; r: number; distance: number } | null = null;
  for (const chunk of alignTokens(tail.map((w) => w.text), head.map((w) => w.text)).chunks) {
    if (chunk.type !== 'equal') continue;
    for (let k = 0; k < chunk.refEnd - chunk.refStart; k++) {
      const l = tailAt + chunk.refStart + k;
      const r = chunk.hypStart + k;
      const a = left[l]!;
      const b = right[r]!;
      const before = left[l - 1];
      // The same word, and a junction that keeps starts in order.
      if (Math.abs(a.startSec - b.startSec) > SEAM_MATCH_SEC || (before && b.startSec < before.startSec)) continue;
      const distance = Math.abs((a.startSec + b.startSec) / 2 - mid);
      if (!best || distance < best.distance) best = { l, r, distance };
    }
  }
  if (best) return [...left.slice(0, best.l), ...right.slice(best.r)];
  return [...left.filter((w) => w.startSec < mid), ...right.filter((w) => w.startSec >= mid)];
}

/** The words of every window (times relative to its window) merged into one absolute, ordered list. */
export function mergeWindowWords(windows: readonly WindowPlan[], words: readonly (readonly TimedWord[])[]): TimedWord[] {
  if (words.length !== windows.length) throw new Error(`chunked merge: ${windows.length} windows but ${words.length} transcripts`);
  let merged = (words[0] ?? []).map((w) => shifted(w, windows[0]?.startSec ?? 0));
  for (let k = 1; k < windows.length; k++) {
    const w = windows[k]!;
    merged = joinAtOverlap(merged, words[k]!.map((x) => shifted(x, w.startSec)), w.startSec, windows[k - 1]!.endSec);
  }
  return merged;
}

/**
 * One transcript of the whole recording from the transcripts of its windows: merged words and text,
 * stage times and decoder calls summed, the most frames one encoder call saw; `samples` and
 * `featuresLength` are the first window's (together they name the preprocessor revision).
 */
export function mergeWindowTranscripts(windows: readonly WindowPlan[], clips: readonly ClipTranscript[]): ClipTranscript {
  const words = mergeWindowWords(windows, clips.map((c) => c.words));
  const first = clips[0];
  if (!first) throw new Error('chunked merge: no window transcripts');
  const live = liveMean(clips);
  return {
    text: words.map((w) => w.text).join(' '),
    words,
    samples: first.samples,
    featuresLength: first.featuresLength,
    encodedLength: Math.max(...clips.map((c) => c.encodedLength)),
    timings: sumTimings(clips),
    decoderCalls: clips.reduce((n, c) => n + c.decoderCalls, 0),
    ...(live !== undefined ? { meanLiveHypotheses: live } : {}),
  };
}
