/**
 * Cosine similarity and relative L2 error between two encoder outputs, over spans of frames. Sums are
 * kept per span in float64.
 */
import type { EncodedAudio } from '../model/acoustic.ts';
import type { Similarity } from './fidelity-schema.ts';

/** Running sums of one span: <a,b>, |a|^2, |b|^2, |a-b|^2 and the frames they cover. */
export interface SpanSums {
  dot: number;
  aa: number;
  bb: number;
  diff: number;
  frames: number;
}

/** Empty sums. */
export const noSums = (): SpanSums => ({ dot: 0, aa: 0, bb: 0, diff: 0, frames: 0 });

/** Adds frames [from, to) of `a` (the variant) against `b` (the oracle) into `s`. */
export function addFrames(s: SpanSums, a: EncodedAudio, b: EncodedAudio, from: number, to: number): SpanSums {
  const dim = a.dim;
  for (let i = from * dim; i < to * dim; i++) {
    const x = a.data[i]!;
    const y = b.data[i]!;
    s.dot += x * y;
    s.aa += x * x;
    s.bb += y * y;
    s.diff += (x - y) * (x - y);
  }
  s.frames += Math.max(0, to - from);
  return s;
}

/** The similarity a span's sums give (identical outputs give cosine 1 and relL2 0 exactly). */
export function similarityOf(s: SpanSums): Similarity {
  let cosine: number;
  if (s.aa === 0 && s.bb === 0) cosine = 1;
  else if (s.aa === 0 || s.bb === 0) cosine = 0;
  else cosine = Math.min(1, Math.max(-1, s.dot / Math.sqrt(s.aa * s.bb)));
  const relL2 = s.bb > 0 ? Math.sqrt(s.diff / s.bb) : s.aa === 0 ? 0 : null;
  return { frames: s.frames, cosine, relL2 };
}

/** Frames both outputs have, after checking they can be compared at all. */
export function comparableFrames(a: EncodedAudio, b: EncodedAudio, what: string): number {
  if (a.dim !== b.dim) throw new Error(`${what}: encoder outputs have ${a.dim} and ${b.dim} channels; the variant and the oracle are not the same model`);
  return Math.min(a.length, b.length);
}
