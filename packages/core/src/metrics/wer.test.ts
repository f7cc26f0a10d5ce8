import { describe, expect, it } from 'vitest';
import { accuracySchema } from '../schema.ts';
import { alignChars, errorRate, scoreChars, scoreCorpus, scoreWords, splitChars, sumCounts } from './wer.ts';

describe('scoreWords / scoreChars', () => {
  it('hand-checked WER: 1 S + 1 D over 6 words = 1/3', () => {
    const c = scoreWords('the cat sat on the mat', 'the cat sit on mat');
    expect(c).toEqual({ hits: 4, substitutions: 1, deletions: 1, insertions: 0, referenceLength: 6 });
    expect(errorRate(c)).toBeCloseTo(2 / 6, 12);
  });

  it('hand-checked CER counts spaces: "le chat" -> "le chats" is 1 insertion over 7 chars', () => {
    const c = scoreChars('le chat', 'le chats');
    expect(c).toEqual({ hits: 7, substitutions: 0, deletions: 0, insertions: 1, referenceLength: 7 });
    // accents matter: é,t,é vs e,t,e = 2 substitutions over 3
    expect(errorRate(scoreChars('été', 'ete'))).toBeCloseTo(2 / 3, 12);
    // a missing space is a character deletion
    expect(scoreChars('a b', 'ab')).toMatchObject({ deletions: 1, referenceLength: 3 });
  });

  it('counts code points, not UTF-16 units, and exposes the alignment', () => {
    expect(splitChars(' 𝄞a  b ')).toEqual(['𝄞', 'a', ' ', 'b']);
    const a = alignChars('ab', 'xb');
    expect(a.chunks.map((c) => c.type)).toEqual(['substitute', 'equal']);
    expect(a.refUnits).toEqual(['a', 'b']);
  });
});

describe('errorRate and sumCounts', () => {
  it('documents the empty-reference convention: 0 without edits, else edits / 1', () => {
    const zero = { hits: 0, substitutions: 0, deletions: 0, insertions: 0, referenceLength: 0 };
    expect(errorRate(zero)).toBe(0);
    expect(errorRate({ ...zero, insertions: 3 })).toBe(3);
  });

  it('sums counts field by field (micro aggregation), not rates', () => {
    const a = scoreWords('a b c d', 'a b c d'); // 0 errors / 4
    const b = scoreWords('x', 'y'); // 1 error / 1
    const total = sumCounts([a, b]);
    expect(total).toEqual({ hits: 4, substitutions: 1, deletions: 0, insertions: 0, referenceLength: 5 });
    expect(errorRate(total)).toBeCloseTo(1 / 5, 12); // a macro average would say (0 + 1) / 2
  });
});

describe('scoreCorpus', () => {
  const pairs = [
    { ref: 'Bonjour, le monde !', hyp: 'bonjour le monde' },
    { ref: "L'été est là.", hyp: 'l été et la' },
    { ref: '...', hyp: 'x' },
  ];

  it('normalises, scores empty references as jiwer 4 does (insertions count), and micro-averages (hand-checked)', () => {
    const r = scoreCorpus(pairs);
    // Words: pair 1 = 0 errors / 3; pair 2 "l été est là" vs "l été et la" = 2 S / 4; pair 3 "" vs "x" = 1 I / 0.
    expect(r.words).toEqual({ hits: 5, substitutions: 2, deletions: 0, insertions: 1, referenceLength: 7 });
    expect(r.wer).toBeCloseTo(3 / 7, 12);
    // Chars: "bonjour le monde" = 16, 0 errors. "l été est là" (12) vs "l été et la" (11): common
    // prefix "l été e", then [s t ␠ l à] vs [t ␠ l a]: delete s, substitute à->a = 2 edits; "" vs "x": 1 I.
    expect(r.chars).toMatchObject({ deletions: 1, substitutions: 1, insertions: 1, referenceLength: 28 });
    expect(r.cer).toBeCloseTo(3 / 28, 12);
    expect(r.utterances).toBe(3);
    expect(r.emptyReferences).toBe(1);
    expect(accuracySchema.parse(r)).toEqual(r);
  });

  it('matches jiwer 4 on empty references: wer("", "") = 0, wer("", "peaceful silence") = 2', () => {
    expect(scoreCorpus([{ ref: 'a b', hyp: 'a b' }, { ref: '', hyp: '' }])).toMatchObject({ wer: 0, emptyReferences: 1, utterances: 2 });
    expect(scoreCorpus([{ ref: 'a b', hyp: 'a b' }, { ref: '', hyp: 'peaceful silence' }]).wer).toBe(1);
    expect(errorRate({ hits: 0, substitutions: 0, deletions: 0, insertions: 2, referenceLength: 0 })).toBe(2);
  });

  it('can score raw strings or use a custom normaliser', () => {
    const raw = scoreCorpus([{ ref: 'Bonjour, le monde', hyp: 'bonjour le monde' }], { normalize: false });
    expect(raw.words.substitutions).toBe(1); // "Bonjour," != "bonjour"
    const custom = scoreCorpus([{ ref: 'A', hyp: 'a' }], { normalize: (s) => s.toLowerCase() });
    expect(custom.wer).toBe(0);
  });

  it('returns zeros for no pairs, and refuses a corpus whose references are all empty', () => {
    expect(scoreCorpus([])).toMatchObject({ wer: 0, cer: 0, utterances: 0, emptyReferences: 0 });
    expect(() => scoreCorpus([{ ref: ' ', hyp: 'x' }, { ref: '...', hyp: '' }])).toThrow(/all 2 references are empty after normalisation, so WER is undefined/);
  });
});
