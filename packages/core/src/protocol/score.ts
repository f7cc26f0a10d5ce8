import type { Accuracy, UtteranceResult } from '../schema.ts';
import { accuracyOf, errorRate, scoreChars, scoreWords } from '../metrics/wer.ts';
import { normalizeText } from '../text/normalize.ts';

/**
 * Scores one utterance after normalization (by default {@link normalizeText}; see scoring.ts for the
 * selectable ones); stores the raw texts for display and rescoring.
 */
export function scoreUtterance(
  id: string,
  audio: string,
  durationSec: number,
  reference: string,
  hypothesis: string,
  normalize: (text: string) => string = normalizeText,
): UtteranceResult {
  const ref = normalize(reference);
  const hyp = normalize(hypothesis);
  const words = scoreWords(ref, hyp);
  const chars = scoreChars(ref, hyp);
  return {
    id,
    audio,
    durationSec,
    reference,
    hypothesis,
    wer: errorRate(words),
    cer: errorRate(chars),
    words,
    chars,
  };
}

/**
 * Corpus-level (micro) accuracy from scored utterances: counts summed, then rates; empty references
 * add their insertions (jiwer 4 / sclite) and are counted. Throws when every reference is empty.
 */
export function scoreCorpusResults(utterances: readonly UtteranceResult[]): Accuracy {
  return accuracyOf(
    utterances.map((u) => u.words),
    utterances.map((u) => u.chars),
  );
}
