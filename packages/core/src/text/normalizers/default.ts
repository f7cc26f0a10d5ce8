/** `default`: the project's own normaliser, unchanged (text/normalize.ts: NFC, lowercase, punctuation to spaces, accents kept). */
import { normalizeText } from '../normalize.ts';
import type { Normalizer } from './types.ts';

/** {@link normalizeText}; the language is not used. */
export const defaultNormalizer: Normalizer = (text) => normalizeText(text);
