/**
 * `whisper-basic-remove-diacritics`: Whisper's BasicTextNormalizer(remove_diacritics=True)
 * (openai/whisper whisper/normalizers/basic.py `remove_symbols_and_diacritics`): as whisper-basic, but
 * NFKD instead of NFKC, nonspacing marks (accents) dropped, and œ æ ø ß đ ð þ ł (which NFKD does not
 * decompose) spelled oe ae o ss d d th l; other marks, symbols and punctuation become spaces.
 */
import type { Normalizer } from './types.ts';
import { collapseSpaces, removeBracketed, removeSymbolsAndDiacritics } from './python-text.ts';

/** Whisper BasicTextNormalizer(remove_diacritics=True). */
export const whisperBasicRemoveDiacritics: Normalizer = (text) => collapseSpaces(removeSymbolsAndDiacritics(removeBracketed(text.toLowerCase())).toLowerCase());
