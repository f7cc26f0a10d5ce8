/**
 * `whisper-basic`: Whisper's BasicTextNormalizer with its defaults (openai/whisper
 * whisper/normalizers/basic.py; the same class ships in Hugging Face transformers as
 * models/whisper/english_normalizer.py BasicTextNormalizer):
 * lowercase; drop "[...]" / "<...>" and "(...)" with their content; NFKC; every mark, symbol and
 * punctuation character becomes a space (so "l'été" -> "l été", "« oui »" -> " oui "); lowercase again;
 * whitespace runs become one space. Like the source it does NOT strip the ends: the scorer's word and
 * character splitting trims them.
 */
import type { Normalizer } from './types.ts';
import { collapseSpaces, removeBracketed, removeSymbols } from './python-text.ts';

/** Whisper BasicTextNormalizer(remove_diacritics=False). */
export const whisperBasic: Normalizer = (text) => collapseSpaces(removeSymbols(removeBracketed(text.toLowerCase())).toLowerCase());
