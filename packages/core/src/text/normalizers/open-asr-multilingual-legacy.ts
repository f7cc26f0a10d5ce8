/**
 * `open-asr-multilingual-legacy`: what the Hugging Face Open ASR Leaderboard applied to its
 * multilingual sets before 2026, `BasicMultilingualTextNormalizer()` with its default
 * remove_diacritics=True (huggingface/open_asr_leaderboard normalizer/normalizer.py, used as
 * `ml_normalizer` in normalizer/data_utils.py; no language argument, numbers stay digits):
 * lowercase; drop "[...]" / "<...>" and "(...)" spans; Whisper's remove_symbols_and_diacritics (NFKD,
 * accents dropped, œ -> oe ...); lowercase; delete what `re` does not call a word or space character
 * (zero-width characters, for instance); collapse whitespace; strip.
 */
import type { Normalizer } from './types.ts';
import { RE_SPACE, RE_WORD, collapseSpaces, pyStrip, removeBracketed, removeSymbolsAndDiacritics } from './python-text.ts';

const NOT_WORD_OR_SPACE = new RegExp(`[^${RE_WORD}${RE_SPACE}]`, 'gu');

/** Leaderboard multilingual normaliser, pre-2026 (diacritics stripped, no number words). */
export const openAsrMultilingualLegacy: Normalizer = (text) =>
  pyStrip(collapseSpaces(removeSymbolsAndDiacritics(removeBracketed(text.toLowerCase())).toLowerCase().replace(NOT_WORD_OR_SPACE, '')));
