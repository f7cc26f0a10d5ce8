/**
 * The Python string semantics the published normalisers rely on, written for JavaScript regexes
 * (which are ASCII-only for \s, \w and \b). Checked against CPython 3.11 (unicodedata 14.0) and the
 * `regex` module, on the characters where the definitions differ:
 *
 * - `re` (str patterns): \s = str.isspace() = White_Space plus U+001C..U+001F; \w = str.isalnum() or
 *   "_" = letters, numbers (No included: "²" is a word character) and "_".
 * - `regex` module: \s = White_Space; \w = Alphabetic, marks, Nd, Pc and Join_Control (ZWJ/ZWNJ are
 *   word characters, "²" is not).
 * - `unicodedata.category(c)[0] in "MSP"`: marks, symbols, punctuation.
 */

/** Python `re` \s, as the inside of a character class. */
export const RE_SPACE = String.raw`\p{White_Space}\x1c-\x1f`;
/** Python `re` \w (str.isalnum() or underscore), as the inside of a character class. */
export const RE_WORD = String.raw`\p{L}\p{N}_`;
/** `regex` module \s, as the inside of a character class. */
export const REGEX_SPACE = String.raw`\p{White_Space}`;
/** `regex` module \w, as the inside of a character class. */
export const REGEX_WORD = String.raw`\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}`;

const SPACES = new RegExp(`[${RE_SPACE}]+`, 'gu');
const EDGE_SPACES = new RegExp(`^[${RE_SPACE}]+|[${RE_SPACE}]+$`, 'gu');
// [<\[][^>\]]*[>\]] and \(([^)]+?)\) from whisper/normalizers/basic.py BasicTextNormalizer.__call__.
const BRACKETED = /[<[][^>\]]*[>\]]/gu;
const PARENTHESISED = /\(([^)]+?)\)/gu;

/** re.sub(r"\s+", " ", s). */
export function collapseSpaces(s: string): string {
  return s.replace(SPACES, ' ');
}

/** Python str.strip() (whitespace as str.isspace() sees it). */
export function pyStrip(s: string): string {
  return s.replace(EDGE_SPACES, '');
}

/** Drops "[...]" / "<...>" spans, then "(...)" spans, with their content (Whisper's first two steps). */
export function removeBracketed(s: string): string {
  return s.replace(BRACKETED, '').replace(PARENTHESISED, '');
}

// whisper/normalizers/basic.py ADDITIONAL_DIACRITICS: letters NFKD does not decompose.
const ADDITIONAL_DIACRITICS: Readonly<Record<string, string>> = {
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  ß: 'ss',
  ẞ: 'SS',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'th',
  ł: 'l',
  Ł: 'L',
};
const DIACRITIC_OR_SYMBOL = new RegExp(`[${Object.keys(ADDITIONAL_DIACRITICS).join('')}]|\\p{Mn}|[\\p{M}\\p{S}\\p{P}]`, 'gu');
const MARK_SYMBOL_PUNCT = /[\p{M}\p{S}\p{P}]/gu;
const SYMBOL_PUNCT = /[\p{S}\p{P}]/gu;

/** basic.py `remove_symbols_and_diacritics`: NFKD, mapped letters, Mn dropped, other M/S/P to spaces. */
export function removeSymbolsAndDiacritics(s: string): string {
  return s.normalize('NFKD').replace(DIACRITIC_OR_SYMBOL, (c) => ADDITIONAL_DIACRITICS[c] ?? (/\p{Mn}/u.test(c) ? '' : ' '));
}

/** basic.py `remove_symbols`: NFKC, then marks, symbols and punctuation to spaces (accents survive NFKC composition). */
export function removeSymbols(s: string): string {
  return s.normalize('NFKC').replace(MARK_SYMBOL_PUNCT, ' ');
}

/** open_asr_leaderboard normalizer.py `remove_symbols_keep_marks`: like removeSymbols but marks are kept. */
export function removeSymbolsKeepMarks(s: string): string {
  return s.normalize('NFKC').replace(SYMBOL_PUNCT, ' ');
}
