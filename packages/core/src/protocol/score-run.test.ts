import { describe, expect, it } from 'vitest';
import { corpusResult, longResult } from '../../test/scored-results.ts';
import { benchResultSchema } from '../schema.ts';
import { bootstrapCi } from '../stats/bootstrap.ts';
import { accuracyIntervals } from './intervals.ts';
import { scoreRun } from './score-run.ts';
import { scoreUtterance } from './score.ts';

const pairs = [
  ['Hello, World!', 'hello world'],
  ['the cat sat on the mat', 'the cat sat on a mat'],
  ['one two three', 'one two'],
  ['Ça va très bien.', 'ca va tres bien'],
] as const;

describe('scoreRun with a normaliser', () => {
  it('default: the scores of scoreUtterance as before, and the scoring recorded', () => {
    const r = corpusResult(pairs);
    expect(r.scoring).toEqual({ normalizer: 'default' });
    expect(r.utterances.map((u) => u.words)).toEqual(pairs.map(([ref, hyp], k) => scoreUtterance(`u${k}`, '', 1, ref, hyp).words));
    // 0 + 1 + 1 + 2 word errors over 2 + 6 + 3 + 4 reference words (accents kept by `default`).
    expect(r.accuracy!.wer).toBeCloseTo(4 / 15, 12);
    expect(benchResultSchema.parse(r)).toEqual(r);
  });

  it('none and whisper-basic-remove-diacritics score what they are documented to', () => {
    const exact = corpusResult(pairs, { scoring: { normalizer: 'none' } });
    expect(exact.scoring).toEqual({ normalizer: 'none' });
    expect(exact.utterances[0]!.words).toMatchObject({ substitutions: 2, referenceLength: 2 }); // casing and punctuation count
    const plain = corpusResult(pairs, { scoring: { normalizer: 'whisper-basic-remove-diacritics' } });
    expect(plain.utterances[3]!.wer).toBe(0); // ça / très lose their accents on both sides
  });

  it('open-asr-multilingual uses the dataset language for numbers, and records it', () => {
    const fr = corpusResult([['Il a 21 ans.', 'il a vingt et un ans']], { scoring: { normalizer: 'open-asr-multilingual', language: 'fr' } });
    expect(fr.scoring).toEqual({ normalizer: 'open-asr-multilingual', language: 'fr' });
    expect(fr.accuracy!.wer).toBe(0);
    const noLang = corpusResult([['Il a 21 ans.', 'il a vingt et un ans']], { scoring: { normalizer: 'open-asr-multilingual' } });
    expect(noLang.accuracy!.wer).toBeGreaterThan(0);
  });
});

describe('result intervals', () => {
  it('every corpus result carries seeded WER and CER intervals over its utterances', () => {
    const r = corpusResult(pairs);
    const { werCi, cerCi } = r.accuracy!;
    expect(werCi).toMatchObject({ rate: r.accuracy!.wer, level: 0.95, resamples: 2000, seed: 0, items: 4 });
    expect(cerCi).toMatchObject({ rate: r.accuracy!.cer, items: 4 });
    expect(werCi!.low).toBeLessThanOrEqual(werCi!.rate);
    expect(werCi!.high).toBeGreaterThanOrEqual(werCi!.rate);
    expect(werCi!.high).toBeGreaterThan(werCi!.low);
    expect(corpusResult(pairs).accuracy!.werCi).toEqual(werCi); // deterministic
  });

  it('a long pass resamples its sections', () => {
    const r = longResult(['a b c d', 'e f g h', 'i j k l'], ['a b c d', 'e f x h', 'i']);
    expect(r.accuracy!.werCi).toMatchObject({ items: 3, rate: 4 / 12 });
    expect(r.scoring).toEqual({ normalizer: 'default' });
  });

  it('resamples items whose normalised reference is empty with the rest (jiwer 4), and gives no interval when all are empty', () => {
    const items = [
      { id: 'a', words: { hits: 0, substitutions: 0, deletions: 0, insertions: 2, referenceLength: 0 }, chars: { hits: 0, substitutions: 0, deletions: 0, insertions: 3, referenceLength: 0 } },
      { id: 'b', words: { hits: 3, substitutions: 1, deletions: 0, insertions: 0, referenceLength: 4 }, chars: { hits: 9, substitutions: 1, deletions: 0, insertions: 0, referenceLength: 10 } },
    ];
    const { werCi } = accuracyIntervals(items);
    expect(werCi).toEqual(bootstrapCi([{ id: 'a', errors: 2, referenceLength: 0 }, { id: 'b', errors: 1, referenceLength: 4 }], { resamples: 2000, seed: 0, level: 0.95 }));
    expect(werCi?.rate).toBe(3 / 4);
    expect(accuracyIntervals([items[0]!])).toEqual({});
  });
});

describe('a chunked long pass', () => {
  it('merges the window transcripts and scores the same sections against the same oracle', () => {
    const strategy = { strategy: 'chunked' as const, windowSec: 60, overlapSec: 10 };
    const data = { kind: 'long' as const, audio: 'long.wav', samples: new Float32Array(16000 * 120), sectionSec: 60 };
    const w = (text: string, startSec: number) => ({ text, startSec, endSec: startSec + 0.3 });
    // Windows [0, 60), [50, 110), [100, 120); "c" and "e" sit in overlaps and are heard twice.
    const windows = [[w('a', 1), w('b', 30), w('c', 52)], [w('c', 2), w('d', 20), w('e', 54)], [w('e', 4), w('f', 15)]];
    const clips = windows.map((words) => ({ text: words.map((x) => x.text).join(' '), words, samples: 1, featuresLength: 0, encodedLength: 750, timings: { preprocessMs: 1, encodeMs: 1, decodeMs: 1 }, decoderCalls: 1 }));
    const r = scoreRun(data, clips, ['a b c', 'd e f'], undefined, strategy);
    expect(r.longPass!.sections.map((s) => s.hypothesis)).toEqual(['a b c', 'd e f']);
    expect(r.accuracy!.wer).toBe(0);
    expect(r.longPass).toMatchObject({ strategy, windows: 3, encoderFrames: 750 });
    expect(r.longPass!.sections[1]!.wordTimes!.startCs).toEqual([7000, 10400, 11500]);
    expect(r.timings).toEqual({ preprocessMs: 3, encodeMs: 3, decodeMs: 3 });
    expect(() => scoreRun(data, clips.slice(0, 2), ['a b c', 'd e f'], undefined, strategy)).toThrow(/got 2 transcripts for 3 clips/);
  });
});
