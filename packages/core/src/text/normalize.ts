/**
 * Text normalisation applied to both reference and hypothesis before WER/CER, following the seed's
 * corpus protocol: NFC, lowercase, punctuation -> space, collapse spaces, trim, accents KEPT
 * (French "été" and "ete" are different words, and the model is expected to get accents right).
 */

// Apostrophes become spaces: "l'accident" -> "l accident". The choice is symmetric (both sides are
// normalised) and avoids penalising ' vs ’ vs ʼ. U+02BC is listed because it is a *letter* (Lm)
// and would otherwise survive.
const APOSTROPHES = /['\u2018\u2019\u02BC\u02B9\u0060\u00B4\u2032]/gu;
// Format characters (soft hyphen, zero-width space/joiners, BOM) sit inside words: drop them.
const FORMAT = /\p{Cf}/gu;
// Punctuation (hyphens, quotes, « », …), symbols (€ % + ° emoji) and controls separate words.
const SEPARATORS = /[\p{P}\p{S}\p{Cc}\p{Z}\s]+/gu;

/** Normalises a transcript for scoring: NFC, lowercase, punctuation and symbols to spaces, trimmed single spaces. */
export function normalizeText(s: string): string {
  return s
    .replace(FORMAT, '')
    .toLowerCase()
    .normalize('NFC') // after lowercasing: some lowercase mappings (e.g. U+0130) decompose
    .replace(APOSTROPHES, ' ')
    .replace(SEPARATORS, ' ')
    .trim();
}
