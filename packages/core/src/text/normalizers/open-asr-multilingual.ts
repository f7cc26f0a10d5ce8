/**
 * `open-asr-multilingual`: the normaliser the Hugging Face Open ASR Leaderboard applies now to FLEURS,
 * MCV and MLS, `MultilingualNormalizer(remove_diacritics=False)` called with the dataset's language
 * (huggingface/open_asr_leaderboard normalizer/data_utils.py, on top of normalizer/normalizer.py
 * `BasicMultilingualTextNormalizer`):
 *
 * 1. lowercase; drop "[...]" / "<...>" and "(...)" spans with their content;
 * 2. NFKC, symbols and punctuation to spaces, marks KEPT (`remove_symbols_keep_marks`; accents stay);
 * 3. lowercase; delete every character the `regex` module calls neither word nor space (zero-width
 *    space and other format characters go; ZWJ/ZWNJ stay, as Join_Control is a word character);
 * 4. collapse whitespace, strip;
 * 5. with a language: filler words (the source's FILLER_WORDS table is empty: nothing to do); join a
 *    digit and a following space-separated 3-digit group, one pass, left to right (`(\d)\s+(\d{3})\b`
 *    -> "1 000" is "1000", "1 000 000" is "1000 000", as in Python); then every digit run to cardinal
 *    words in that language (number-words.ts), digits kept where the language has none.
 *
 * Decimal separators were already turned into spaces by step 2, so "3,5" and "3.5" read "3 5" and
 * become two numbers; "1,000" becomes "1 000" and then one thousand. Armenian ("hy") is scored by the
 * leaderboard with a separate ArmenianTextNormalizer, not implemented here: it is refused by name.
 * The leaderboard also merges compound splits pairwise (eval_utils `normalize_compound_pairs`) before
 * WER; that works on a reference/hypothesis pair, not one text, and is not part of this normaliser.
 */
import { cardinalWords } from './number-words.ts';
import { REGEX_SPACE, REGEX_WORD, RE_SPACE, RE_WORD, collapseSpaces, pyStrip, removeBracketed, removeSymbolsKeepMarks } from './python-text.ts';
import type { Normalizer } from './types.ts';

const NOT_WORD_OR_SPACE = new RegExp(`[^${REGEX_WORD}${REGEX_SPACE}]`, 'gu');
const DIGIT_GROUP = new RegExp(`(\\p{Nd})[${RE_SPACE}]+(\\p{Nd}{3})(?![${RE_WORD}])`, 'gu');
const DIGITS = /\p{Nd}+/gu;

/** Steps 1-4: the leaderboard's BasicMultilingualTextNormalizer(remove_diacritics=False). */
export function basicMultilingual(text: string): string {
  return pyStrip(collapseSpaces(removeSymbolsKeepMarks(removeBracketed(text.toLowerCase())).toLowerCase().replace(NOT_WORD_OR_SPACE, '')));
}

/** The leaderboard's current multilingual normaliser; `lang` (e.g. "fr") enables the number step. */
export const openAsrMultilingual: Normalizer = (text, lang) => {
  if (lang !== undefined && lang.toLowerCase().replace('_', '-') === 'hy') {
    throw new Error('open-asr-multilingual: the leaderboard scores Armenian (hy) with its own ArmenianTextNormalizer, which is not implemented here; use open-asr-multilingual without a language or another normaliser');
  }
  const s = basicMultilingual(text);
  if (lang === undefined) return s;
  return s.replace(DIGIT_GROUP, '$1$2').replace(DIGITS, (d) => cardinalWords(d, lang) ?? d);
};
