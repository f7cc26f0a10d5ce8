/** `none`: exact text, for scoring verbatim output (casing and punctuation count as errors). */
import type { Normalizer } from './types.ts';

/** Returns the text unchanged. */
export const noNormalization: Normalizer = (text) => text;
