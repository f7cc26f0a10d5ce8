import { describe, expect, it } from 'vitest';
import { detokenize, detokenizeIds, detokenizeWithTimestamps } from './detokenize.ts';
import { parseVocab } from './vocab.ts';

describe('detokenize (onnx-asr rules)', () => {
  it('drops the leading space and joins word pieces', () => {
    expect(detokenize(['▁And', '▁so', ',', '▁my', '▁fel', 'low'])).toBe('And so, my fellow');
  });

  it('removes the space before punctuation: " ," -> "," and " ." -> "."', () => {
    expect(detokenize(['▁ask', '▁,', '▁not', '▁.'])).toBe('ask, not.');
  });

  it('keeps spaces before accented French words (ASCII \\b would glue them)', () => {
    // "▁été": space then "é", a Unicode word char -> kept; a JS /\b/ would see no boundary here.
    expect(detokenize(['▁l', "'", 'été', '▁a', '▁été', '▁à', '▁Évian'])).toBe("l'été a été à Évian");
    expect(detokenize(['▁', 'été'])).toBe('été');
  });

  it('keeps spaces before digits and underscores, drops doubled and trailing spaces', () => {
    expect(detokenize(['▁le', '▁', '▁6', '-', '6', '▁'])).toBe('le 6-6');
    expect(detokenize(['▁a', '▁_b'])).toBe('a _b');
  });

  it('drops the space before opening quotes/guillemets as Python does (non-word char follows)', () => {
    expect(detokenize(['▁il', '▁a', '▁dit', '▁«', '▁oui', '▁»'])).toBe('il a dit« oui»');
  });

  it("uses Python's whitespace set, not JavaScript's (NEL is a space, U+FEFF is not)", () => {
    expect(detokenize(['a', '\u0085', 'b'])).toBe('a b');
    expect(detokenize(['a', '\uFEFF', 'b'])).toBe('a\uFEFFb');
    expect(detokenize(['▁x', '▁²', '▁\u0301'])).toBe('x ²\u0301'); // a combining mark is not a word char: its space goes
  });

  it('maps ids through the vocabulary and rejects out-of-range and blank ids', () => {
    const vocab = parseVocab('▁bon 0\njour 1\n<blk> 2', 'vocab.txt');
    expect(detokenizeIds([0, 1], vocab)).toBe('bonjour');
    expect(() => detokenizeIds([0, 7], vocab)).toThrow(/token id 7 at position 1 is outside the vocabulary \(size 3\)/);
    expect(() => detokenizeIds([2], vocab)).toThrow(/blank id 2 at position 0; decoders must drop <blk>/);
  });
});

describe('detokenizeWithTimestamps', () => {
  const vocab = parseVocab(['▁And 0', '▁so 1', ', 2', '▁my 3', '▁fel 4', 'low 5', '▁, 6', '▁ 7', 'été 8', '<blk> 9'].join('\n'), 'vocab.txt');

  it('gives per-token times (frame x 0.08 s) and words that start at their "▁" token', () => {
    const r = detokenizeWithTimestamps([0, 1, 2, 3, 4, 5], [2, 5, 6, 10, 12, 13], vocab);
    expect(r.text).toBe('And so, my fellow');
    expect(r.tokens.map((t) => [t.id, t.text])).toEqual([[0, '▁And'], [1, '▁so'], [2, ','], [3, '▁my'], [4, '▁fel'], [5, 'low']]);
    expect(r.tokens[3]!.startSec).toBeCloseTo(0.8, 10);
    expect(r.words.map((w) => w.text)).toEqual(['And', 'so,', 'my', 'fellow']);
    // "so," spans frames 5..6 -> [0.40, 0.56); "fellow" spans 12..13 -> [0.96, 1.12)
    expect(r.words[1]!.startSec).toBeCloseTo(0.4, 10);
    expect(r.words[1]!.endSec).toBeCloseTo(0.56, 10);
    expect(r.words[3]!.startSec).toBeCloseTo(0.96, 10);
    expect(r.words[3]!.endSec).toBeCloseTo(1.12, 10);
  });

  it('attaches a "▁," piece to the previous word, as the text does, and honours frameSec', () => {
    const r = detokenizeWithTimestamps([0, 6, 7, 8], [0, 1, 3, 4], vocab, 0.1);
    expect(r.text).toBe('And, été');
    expect(r.words.map((w) => [w.text, w.startSec, w.endSec])).toEqual([
      ['And,', 0, expect.closeTo(0.2, 10)],
      ['été', expect.closeTo(0.3, 10), expect.closeTo(0.5, 10)],
    ]);
  });

  it('its text always equals detokenize() and the words joined', () => {
    const ids = [7, 8, 6, 2, 0, 7, 7, 5, 1];
    const r = detokenizeWithTimestamps(ids, ids.map((_, i) => i), vocab);
    expect(r.text).toBe(detokenizeIds(ids, vocab));
    expect(r.words.map((w) => w.text).join(' ')).toBe(r.text);
  });

  it('rejects mismatched frame counts', () => {
    expect(() => detokenizeWithTimestamps([0, 1], [0], vocab)).toThrow(/2 token ids but 1 frames/);
    expect(() => detokenizeWithTimestamps([0, 1], [0, 1], vocab, 0.08, [1])).toThrow(/2 token ids but 1 durations/);
  });

  it("ends a word where its last token's TDT duration ends (at least one frame)", () => {
    // "so," = tokens at frames 5 (duration 1) and 6 (duration 4): ends at frame 10; "fellow" ends
    // at 13 + 1 because its last token's duration is 0 (the next token came on the same frame).
    const r = detokenizeWithTimestamps([0, 1, 2, 3, 4, 5], [2, 5, 6, 10, 12, 13], vocab, 0.08, [3, 1, 4, 2, 1, 0]);
    expect(r.words.map((w) => [w.text, Math.round(w.startSec / 0.08), Math.round(w.endSec / 0.08)])).toEqual([
      ['And', 2, 5],
      ['so,', 5, 10],
      ['my', 10, 12],
      ['fellow', 12, 14],
    ]);
  });
});
