/**
 * WER and CER with jiwer's counting (see align.ts for the tie-breaking), plus corpus-level micro
 * aggregation: edits and reference lengths are summed over utterances before dividing, as
 * `jiwer.wer(list_of_refs, list_of_hyps)` does, so long utterances weigh more than short ones.
 */
import type { Accuracy, ErrorCounts } from '../schema.ts';
import { normalizeText } from '../text/normalize.ts';
import { alignTokens, type AlignmentChunk } from './align.ts';

/** Score of one reference/hypothesis pair with its alignment (for display and debugging). */
export interface PairScore {
  /** (S + D + I) / referenceLength, see {@link errorRate}. */
  rate: number;
  counts: ErrorCounts;
  /** The alignment over the scored units (words or characters). */
  chunks: AlignmentChunk[];
  /** The units that were aligned, so chunks can be rendered. */
  refUnits: string[];
  hypUnits: string[];
}

/** Words of a string: split on whitespace runs, ends trimmed (jiwer's default wer transform). */
export function splitWords(s: string): string[] {
  const t = s.trim();
  return t === '' ? [] : t.split(/\s+/u);
}

/**
 * Characters of a string as jiwer.cer sees them: trimmed, spaces INCLUDED as characters; runs of
 * whitespace are collapsed to one space (a no-op on normalised text; jiwer's cer transform does not
 * collapse, which would only matter for unnormalised input). Code points, not UTF-16 units, so
 * characters outside the BMP count once, as in Python.
 */
export function splitChars(s: string): string[] {
  return Array.from(s.trim().replace(/\s+/gu, ' '));
}

/**
 * (S + D + I) / referenceLength, as jiwer 4 defines it for an empty reference too: 0 when there are
 * no edits either, else the empty reference counts as length 1 (`wer('', 'peaceful silence') == 2`),
 * finite, JSON-safe and growing with the damage. At corpus level an empty reference adds its
 * insertions and no length ({@link scoreCorpus}).
 */
export function errorRate(counts: ErrorCounts): number {
  const edits = counts.substitutions + counts.deletions + counts.insertions;
  if (edits === 0) return 0;
  return edits / Math.max(counts.referenceLength, 1);
}

/** Adds edit counts field by field (corpus micro aggregation). */
export function sumCounts(counts: readonly ErrorCounts[]): ErrorCounts {
  const total: ErrorCounts = { hits: 0, substitutions: 0, deletions: 0, insertions: 0, referenceLength: 0 };
  for (const c of counts) {
    total.hits += c.hits;
    total.substitutions += c.substitutions;
    total.deletions += c.deletions;
    total.insertions += c.insertions;
    total.referenceLength += c.referenceLength;
  }
  return total;
}

function scoreUnits(refUnits: string[], hypUnits: string[]): PairScore {
  const { chunks, counts } = alignTokens(refUnits, hypUnits);
  return { rate: errorRate(counts), counts, chunks, refUnits, hypUnits };
}

/** Word-level alignment and score of already-normalised strings (no normalisation here). */
export function alignWords(ref: string, hyp: string): PairScore {
  return scoreUnits(splitWords(ref), splitWords(hyp));
}

/** Character-level alignment and score (spaces included) of already-normalised strings. */
export function alignChars(ref: string, hyp: string): PairScore {
  return scoreUnits(splitChars(ref), splitChars(hyp));
}

/** Word edit counts of already-normalised strings; WER = {@link errorRate} of them. */
export function scoreWords(ref: string, hyp: string): ErrorCounts {
  return alignTokens(splitWords(ref), splitWords(hyp)).counts;
}

/** Character edit counts (spaces included, like jiwer.cer) of already-normalised strings. */
export function scoreChars(ref: string, hyp: string): ErrorCounts {
  return alignTokens(splitChars(ref), splitChars(hyp)).counts;
}

/** Options of {@link scoreCorpus}. */
export interface ScoreCorpusOptions {
  /** `true` (default) applies {@link normalizeText}; `false` scores the strings as given; or a custom function. */
  normalize?: boolean | ((s: string) => string);
}

/** Thrown for a corpus with no reference word at all: its WER has no denominator. */
export function allEmptyReferencesError(count: number): Error {
  return new Error(
    `all ${count} reference${count === 1 ? ' is' : 's are'} empty after normalisation, so WER is undefined; check the transcripts (or the normaliser)`,
  );
}

/**
 * Corpus-level (micro) WER and CER, as jiwer 4 and NIST sclite count them: a reference that is empty
 * after normalisation is kept, its hypothesis words count as insertions against no reference length,
 * and such references are counted in `emptyReferences`. A corpus whose references are ALL empty is an
 * error (nothing to divide by).
 */
export function scoreCorpus(pairs: readonly { ref: string; hyp: string }[], options: ScoreCorpusOptions = {}): Accuracy {
  const norm = options.normalize ?? true;
  const prepare = typeof norm === 'function' ? norm : norm ? normalizeText : (s: string): string => s;
  const words: ErrorCounts[] = [];
  const chars: ErrorCounts[] = [];
  for (const { ref, hyp } of pairs) {
    const r = prepare(ref);
    const h = prepare(hyp);
    words.push(scoreWords(r, h));
    chars.push(scoreChars(r, h));
  }
  return accuracyOf(words, chars);
}

/** Corpus accuracy from per-utterance counts (micro aggregation); throws when no reference has a word. */
export function accuracyOf(words: readonly ErrorCounts[], chars: readonly ErrorCounts[]): Accuracy {
  const wordTotal = sumCounts(words);
  const charTotal = sumCounts(chars);
  const emptyReferences = words.filter((w) => w.referenceLength === 0).length;
  if (words.length > 0 && wordTotal.referenceLength === 0) throw allEmptyReferencesError(words.length);
  return {
    wer: errorRate(wordTotal),
    cer: errorRate(charTotal),
    words: wordTotal,
    chars: charTotal,
    utterances: words.length,
    emptyReferences,
  };
}
