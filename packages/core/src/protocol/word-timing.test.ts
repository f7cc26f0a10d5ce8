import { describe, expect, it } from 'vitest';
import { longResult } from '../../test/scored-results.ts';
import { benchResultSchema } from '../schema.ts';
import { normalizeText } from '../text/normalize.ts';
import { rescoreResult } from './rescore.ts';
import { encodeWordTimes, hitStartDiffsMs, quantileSorted, summarizeStartDiffs } from './word-timing.ts';

const words = (text: string, starts: number[]) => text.split(' ').map((w, i) => ({ text: w, startSec: starts[i]!, endSec: starts[i]! + 0.32 }));

describe('compact word times', () => {
  it('stores centiseconds, shifted to the recording, exactly for 80 ms frames', () => {
    const t = encodeWordTimes('so, my fellow', words('so, my fellow', [0.08 * 5, 0.08 * 10, 0.08 * 12]), 50);
    expect(t).toEqual({ startCs: [5040, 5080, 5096], endCs: [5072, 5112, 5128] });
  });

  it('refuses words that are not the words of the text (nothing to align them with)', () => {
    expect(encodeWordTimes('a b', words('a', [0]))).toBeUndefined();
    expect(encodeWordTimes('', [])).toEqual({ startCs: [], endCs: [] });
  });
});

describe('word-start agreement over hit words', () => {
  const ref = { text: 'And so, my fellow Americans', times: { startCs: [0, 40, 80, 120, 160], endCs: [8, 48, 88, 128, 168] } };

  it('measures a planted shift as that shift, on every word', () => {
    const shifted = { text: ref.text, times: { startCs: ref.times.startCs.map((c) => c + 24), endCs: ref.times.endCs.map((c) => c + 24) } };
    expect(hitStartDiffsMs(ref, shifted, normalizeText)).toEqual([240, 240, 240, 240, 240]);
    expect(summarizeStartDiffs(hitStartDiffsMs(ref, shifted, normalizeText)!)).toEqual({ hitWords: 5, medianStartDiffMs: 240, p95StartDiffMs: 240 });
  });

  it('counts only words that align as hits, after normalising word by word', () => {
    // "So" (case) and "my," (punctuation) normalise to hits; "fellows" is a substitution; "And" is deleted.
    const hyp = { text: 'So my, fellows Americans', times: { startCs: [48, 80, 120, 168], endCs: [56, 88, 128, 176] } };
    expect(hitStartDiffsMs(ref, hyp, normalizeText)).toEqual([80, 0, 80]);
  });

  it('gives each piece of a word that normalises to several words the word start', () => {
    const hyp = { text: "l'homme", times: { startCs: [100], endCs: [140] } };
    const r = { text: 'l homme', times: { startCs: [90, 110], endCs: [100, 140] } };
    expect(hitStartDiffsMs(r, hyp, normalizeText)).toEqual([100, 100]);
  });

  it('is null without times on either side, or with times that do not fit the text', () => {
    expect(hitStartDiffsMs(ref, { text: ref.text }, normalizeText)).toBeNull();
    expect(hitStartDiffsMs(ref, { text: 'two words', times: { startCs: [1], endCs: [2] } }, normalizeText)).toBeNull();
  });

  it('summarises with numpy-style percentiles and nothing for no hits', () => {
    expect(quantileSorted([0, 10, 20, 30, 40], 0.5)).toBe(20);
    expect(quantileSorted([0, 10, 20, 30, 40], 0.95)).toBeCloseTo(38, 10);
    expect(quantileSorted([7], 0.95)).toBe(7);
    expect(summarizeStartDiffs([])).toBeUndefined();
  });
});

describe('long pass: per section and overall, kept and recomputed on rescoring', () => {
  const oracle = ['alpha beta gamma', 'delta epsilon'];

  it('records hypothesis and oracle word times and their agreement per section', () => {
    const r = longResult(oracle, ['alpha beta gamma', 'delta epsilon'], { oracleTimes: true, shiftSec: 0.16 });
    const [s0, s1] = r.longPass!.sections;
    expect(s0!.wordTimes).toEqual({ startCs: [16, 116, 216], endCs: [66, 166, 266] });
    expect(s1!.referenceWordTimes).toEqual({ startCs: [6000, 6100], endCs: [6016, 6116] });
    expect(s0!.timestamps).toEqual({ hitWords: 3, medianStartDiffMs: 160, p95StartDiffMs: 160 });
    expect(r.longPass!.timestamps).toEqual({ hitWords: 5, medianStartDiffMs: 160, p95StartDiffMs: 160 });
    expect(benchResultSchema.parse(r)).toEqual(r);
  });

  it('has no agreement without oracle times (results of older oracles)', () => {
    const r = longResult(oracle, oracle);
    expect(r.longPass!.sections[0]!.wordTimes).toBeDefined();
    expect(r.longPass!.timestamps).toBeUndefined();
    expect(r.longPass!.sections.every((s) => s.timestamps === undefined)).toBe(true);
  });

  it('rescoring keeps the times and recomputes which words are hits', () => {
    const r = longResult(oracle, ['Alpha beta gamma', 'delta epsilon'], { oracleTimes: true });
    expect(r.longPass!.timestamps?.hitWords).toBe(5);
    const exact = rescoreResult(r, { normalizer: 'none' });
    expect(exact.longPass!.sections[0]!.wordTimes).toEqual(r.longPass!.sections[0]!.wordTimes);
    expect(exact.longPass!.timestamps?.hitWords).toBe(4); // "Alpha" is no longer a hit
    expect(rescoreResult(exact, { normalizer: 'default' }).longPass).toEqual(r.longPass);
  });
});
