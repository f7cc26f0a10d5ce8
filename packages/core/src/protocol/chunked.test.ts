import { describe, expect, it } from 'vitest';
import type { TimedWord } from '../text/detokenize.ts';
import type { WindowPlan } from './chunked.ts';
import { joinAtOverlap, mergeWindowTranscripts, mergeWindowWords, planWindows } from './chunked.ts';
import type { ClipTranscript } from './clip-transcript.ts';

const S = { windowSec: 60, overlapSec: 10 };

describe('planWindows', () => {
  it('steps by window minus overlap and ends the last window at the recording end', () => {
    expect(planWindows(390, S).map((w) => [w.startSec, w.endSec])).toEqual([
      [0, 60], [50, 110], [100, 160], [150, 210], [200, 260], [250, 310], [300, 360], [350, 390],
    ]);
    expect(planWindows(60, S)).toEqual([{ index: 0, startSec: 0, endSec: 60 }]);
    expect(planWindows(45, S)).toEqual([{ index: 0, startSec: 0, endSec: 45 }]);
    expect(planWindows(100, { windowSec: 50, overlapSec: 0 }).map((w) => w.startSec)).toEqual([0, 50]);
  });

  it('refuses an overlap of more than half a window, naming both settings', () => {
    expect(() => planWindows(100, { windowSec: 20, overlapSec: 11 })).toThrow(/windowSec 20 and overlapSec 11 need .* overlapSec <= windowSec \/ 2/);
  });
});

/** A word of the truth: text and absolute start; 0.3 s long. */
interface TrueWord {
  readonly text: string;
  readonly startSec: number;
}

/**
 * What one window hears: every word lying wholly inside it, relative to its start, each start moved
 * by `jitter(word)` (a window may place a word a frame off); a word cut by an edge is either missing
 * or heard as garbage ("?").
 */
function hear(truth: readonly TrueWord[], w: WindowPlan, jitter: (i: number) => number = () => 0, cutWords: 'drop' | 'garble' = 'drop'): TimedWord[] {
  const out: TimedWord[] = [];
  truth.forEach((t, i) => {
    const end = t.startSec + 0.3;
    if (end <= w.startSec || t.startSec >= w.endSec) return;
    const whole = t.startSec >= w.startSec && end <= w.endSec;
    if (!whole && cutWords === 'drop') return;
    const start = Math.max(t.startSec, w.startSec) - w.startSec + (whole ? jitter(i) : 0);
    out.push({ text: whole ? t.text : '?', startSec: start, endSec: start + 0.3 });
  });
  return out;
}

const texts = (ws: readonly TimedWord[]) => ws.map((w) => w.text);
const monotonic = (ws: readonly TimedWord[]) => ws.every((w, i) => i === 0 || w.startSec >= ws[i - 1]!.startSec);

describe('merging window words at the overlap midpoints', () => {
  const windows = planWindows(110, S); // [0, 60) and [50, 110): overlap [50, 60), midpoint 55
  const truth: TrueWord[] = [
    { text: 'w0', startSec: 10 },
    { text: 'edge-in', startSec: 50 }, // exactly at the start of window 1 (overlap start edge)
    { text: 'early', startSec: 52 },
    { text: 'mid', startSec: 54.96 }, // at the midpoint, a frame either side depending on the window
    { text: 'late', startSec: 57 },
    { text: 'straddle', startSec: 59.85 }, // crosses the end of window 0
    { text: 'w6', startSec: 70 },
  ];

  it('loses no word and duplicates none, including one straddling a window boundary', () => {
    for (const cut of ['drop', 'garble'] as const) {
      const merged = mergeWindowWords(windows, windows.map((w) => hear(truth, w, () => 0, cut)));
      expect(texts(merged)).toEqual(truth.map((t) => t.text));
      expect(merged.map((w) => w.startSec)).toEqual(truth.map((t) => expect.closeTo(t.startSec, 9)));
    }
  });

  it('keeps a word placed on different sides of the midpoint by the two windows exactly once', () => {
    // Window 0 places "mid" at 54.96 s (before 55), window 1 at 55.04 s (after): a bare time cut would
    // keep both; the other way round, neither.
    for (const [left, right] of [[0, 0.08], [0.08, -0.08], [-0.08, 0]] as const) {
      const words = windows.map((w) => hear(truth, w, (i) => (truth[i]!.text === 'mid' ? (w.index === 0 ? left : right) : 0)));
      const merged = mergeWindowWords(windows, words);
      expect(texts(merged)).toEqual(truth.map((t) => t.text));
      expect(monotonic(merged)).toBe(true);
    }
  });

  it('cuts at the midpoint by time when the windows share no word in the overlap', () => {
    const left = [{ text: 'a', startSec: 40, endSec: 40.3 }, { text: 'b', startSec: 53, endSec: 53.3 }, { text: 'x', startSec: 57, endSec: 57.3 }];
    const right = [{ text: 'y', startSec: 51, endSec: 51.3 }, { text: 'c', startSec: 58, endSec: 58.3 }];
    expect(texts(joinAtOverlap(left, right, 50, 60))).toEqual(['a', 'b', 'c']);
  });

  it('merges a 400 s recording with jittered windows: every word once, in order, with absolute times', () => {
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const truth: TrueWord[] = [];
    for (let t = 0.2; t < 399.5; t += 0.4 + rand() * 0.8) truth.push({ text: `w${truth.length % 7}`, startSec: Math.round(t / 0.08) * 0.08 });
    const ws = planWindows(400, S);
    const jitter = (w: WindowPlan) => (i: number) => (((i * 31 + w.index * 17) % 3) - 1) * 0.08;
    const merged = mergeWindowWords(ws, ws.map((w) => hear(truth, w, jitter(w), 'garble')));
    expect(texts(merged)).toEqual(truth.map((t) => t.text));
    expect(monotonic(merged)).toBe(true);
    merged.forEach((w, i) => expect(Math.abs(w.startSec - truth[i]!.startSec)).toBeLessThanOrEqual(0.08 + 1e-9));
  });
});

describe('mergeWindowTranscripts', () => {
  const clip = (words: TimedWord[], encodedLength: number, decodeMs: number, live?: number): ClipTranscript => ({
    text: texts(words).join(' '),
    words,
    samples: 16000 * 60,
    featuresLength: 6000,
    encodedLength,
    timings: { preprocessMs: 1, encodeMs: 2, decodeMs },
    decoderCalls: 10,
    ...(live !== undefined ? { meanLiveHypotheses: live } : {}),
  });

  it('joins text and words, sums stage times and calls, keeps the largest encoder call', () => {
    const ws = planWindows(100, S);
    const merged = mergeWindowTranscripts(ws, [
      clip([{ text: 'a', startSec: 1, endSec: 1.3 }, { text: 'b', startSec: 52, endSec: 52.3 }], 750, 5, 1),
      clip([{ text: 'b', startSec: 2, endSec: 2.3 }, { text: 'c', startSec: 30, endSec: 30.3 }], 626, 7, 3),
    ]);
    expect(merged.text).toBe('a b c');
    expect(merged.words.map((w) => w.startSec)).toEqual([1, 52, 80]);
    expect(merged.timings).toEqual({ preprocessMs: 2, encodeMs: 4, decodeMs: 12 });
    expect(merged).toMatchObject({ decoderCalls: 20, encodedLength: 750, meanLiveHypotheses: 2, samples: 16000 * 60 });
  });
});
