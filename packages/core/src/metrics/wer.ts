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
 * (S + D + I) / referenceLength. jiwer raises on an empty reference; we return 0 when there are no
 * edits either, else treat the empty reference as length 1 (so 3 inserted words -> 3.0): finite,
 * JSON-safe and still growing with the damage. {@link scoreCorpus} drops empty references instead.
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

/**
 * Corpus-level (micro) WER and CER. References that are empty after normalisation are dropped and
 * counted in `droppedEmptyReferences` (jiwer cannot score them); `utterances` counts scored pairs only.
 * With nothing scored, wer and cer are 0 and `utterances` is 0.
 */
export function scoreCorpus(pairs: readonly { ref: string; hyp: string }[], options: ScoreCorpusOptions = {}): Accuracy {
  const norm = options.normalize ?? true;
  const prepare = typeof norm === 'function' ? norm : norm ? normalizeText : (s: string): string => s;
  const words: ErrorCounts[] = [];
  const chars: ErrorCounts[] = [];
  let dropped = 0;
  for (const { ref, hyp } of pairs) {
    const r = prepare(ref);
    const h = prepare(hyp);
    if (splitWords(r).length === 0) {
      dropped++;
      continue;
    }
    words.push(scoreWords(r, h));
    chars.push(scoreChars(r, h));
  }
  const wordTotal = sumCounts(words);
  const charTotal = sumCounts(chars);
  return {
    wer: errorRate(wordTotal),
    cer: errorRate(charTotal),
    words: wordTotal,
    chars: charTotal,
    utterances: words.length,
    droppedEmptyReferences: dropped,
  };
}
