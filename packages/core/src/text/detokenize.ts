/**
 * Token pieces -> text, exactly as onnx-asr does it (asr.py `_AsrWithDecoding._decode_tokens`):
 * each piece has '▁' replaced by a space, pieces are joined, then Python's
 * `re.sub(r"\A\s|\s\B|(\s)\b", lambda m: " " if m.group(1) else "", text)` runs.
 * That keeps a space only where it precedes a word character, which drops the leading space and the
 * space before punctuation (" ," -> ",").
 *
 * Python's `\b` is Unicode-aware (`\w` = letters, numbers, `_`); JS `\b` is ASCII-only even with the
 * `u` flag, so " été" would lose its space. Hence the explicit `[\p{L}\p{N}_]` lookahead below.
 * Like Python, combining marks are NOT word characters (irrelevant for NFC vocabularies), and the
 * whitespace class is Python's, not JS's. Checked against CPython's `re` on 3,000 random piece lists
 * mixing ▁, NBSP, NEL, U+FEFF, combining marks, CJK, ², Ⅻ and punctuation: identical output.
 */
import type { Vocab } from './vocab.ts';

/** SentencePiece word-boundary marker. */
export const SPACE_MARKER = '\u2581';

// Python's `\s` (str.isspace): JS `\s` minus U+FEFF plus U+001C-U+001F and U+0085.
const WS = '[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const WORD = '[\\p{L}\\p{N}_]';
// A whitespace char is never a word char, so `\s\B` == "space not followed by a word char" and
// `(\s)\b` == "space followed by a word char"; the first alternative (\A\s) wins at position 0.
const SPACE_PATTERN = new RegExp(`^${WS}|${WS}(?!${WORD})|(${WS})(?=${WORD})`, 'gu');

/** Joins raw SentencePiece pieces into text the way onnx-asr does. */
export function detokenize(pieces: readonly string[]): string {
  const joined = pieces.join('').replaceAll(SPACE_MARKER, ' ');
  return joined.replace(SPACE_PATTERN, (_m, kept: string | undefined) => (kept ? ' ' : ''));
}

/** One emitted token with its time. */
export interface TimedToken {
  id: number;
  /** The raw piece (with '▁'). */
  text: string;
  startSec: number;
}

/** One word of the detokenized text with the span of the tokens that produced it. */
export interface TimedWord {
  text: string;
  /** Frame time of the word's first token (the one carrying its '▁'). */
  startSec: number;
  /**
   * Where the word's last token ends: its frame plus its TDT duration (the frames the decoder skipped
   * after it), at least one frame; without durations, its frame plus one frame.
   */
  endSec: number;
}

/** Text plus token- and word-level timestamps. */
export interface Detokenized {
  text: string;
  tokens: TimedToken[];
  /** Words of `text` (split on its single spaces), so `words.map(w => w.text).join(' ') === text`. */
  words: TimedWord[];
}

/** Checks ids against the vocabulary; decoders never emit the blank, so seeing one is a harness bug. */
function piecesOf(tokenIds: readonly number[], vocab: Vocab): string[] {
  return tokenIds.map((id, i) => {
    const piece = Number.isInteger(id) ? vocab.tokens[id] : undefined;
    if (piece === undefined) {
      throw new Error(`detokenize: token id ${id} at position ${i} is outside the vocabulary (size ${vocab.size}); the decoder and vocab.txt do not match`);
    }
    if (id === vocab.blankId) {
      throw new Error(`detokenize: blank id ${id} at position ${i}; decoders must drop <blk> before detokenizing`);
    }
    return piece;
  });
}

/** Token ids -> text (see {@link detokenize}). */
export function detokenizeIds(tokenIds: readonly number[], vocab: Vocab): string {
  return detokenize(piecesOf(tokenIds, vocab));
}

/**
 * Token ids and their encoder frame indices -> text, per-token and per-word times.
 * `frameSec` is 0.08 for Parakeet (onnx-asr: window_size 0.01 x subsampling_factor 8).
 * `durations` (the TDT duration of each token, in frames) set where a word ends; see {@link TimedWord}.
 * Words come from the final text, so a piece like "▁," that onnx-asr glues to the previous word
 * ("so,") belongs to that word rather than starting a new one.
 */
export function detokenizeWithTimestamps(
  tokenIds: readonly number[],
  frames: readonly number[],
  vocab: Vocab,
  frameSec = 0.08,
  durations?: readonly number[],
): Detokenized {
  if (frames.length !== tokenIds.length) {
    throw new Error(`detokenizeWithTimestamps: ${tokenIds.length} token ids but ${frames.length} frames; pass one frame index per emitted token`);
  }
  if (durations && durations.length !== tokenIds.length) {
    throw new Error(`detokenizeWithTimestamps: ${tokenIds.length} token ids but ${durations.length} durations; pass one duration per emitted token`);
  }
  const framesAfter = (t: number): number => Math.max(1, durations?.[t] ?? 1);
  const pieces = piecesOf(tokenIds, vocab);
  const tokens: TimedToken[] = pieces.map((text, i) => ({ id: tokenIds[i] ?? 0, text, startSec: (frames[i] ?? 0) * frameSec }));

  // Re-run the same substitution while remembering which token owns each output char.
  let joined = '';
  const owner: number[] = [];
  pieces.forEach((piece, t) => {
    const s = piece.replaceAll(SPACE_MARKER, ' ');
    joined += s;
    for (let k = 0; k < s.length; k++) owner.push(t);
  });
  const words: TimedWord[] = [];
  let text = '';
  let first = -1; // token carrying the current word's boundary (or first char)
  let last = -1; // token of the current word's last char
  let word = '';
  const flush = (): void => {
    if (word === '') return;
    words.push({ text: word, startSec: (frames[first] ?? 0) * frameSec, endSec: ((frames[last] ?? 0) + framesAfter(last)) * frameSec });
    word = '';
    first = -1;
  };
  let pos = 0;
  const consumeUpTo = (end: number): void => {
    for (; pos < end; pos++) {
      const t = owner[pos] ?? 0;
      if (first < 0) first = t;
      last = t;
      word += joined[pos] ?? '';
      text += joined[pos] ?? '';
    }
  };
  for (const m of joined.matchAll(SPACE_PATTERN)) {
    consumeUpTo(m.index);
    pos = m.index + m[0].length;
    if (m[1] !== undefined) {
      flush();
      text += ' ';
      first = owner[m.index] ?? 0;
    } else if (word === '' && first < 0) {
      // A dropped leading space still marks where the first word began (e.g. a lone "▁" piece).
      first = owner[m.index] ?? 0;
    }
  }
  consumeUpTo(joined.length);
  flush();
  return { text, tokens, words };
}
