/**
 * The encoder-fidelity block of a result: how close a variant's encoder output is to the oracle
 * variant's on the same audio (definitions in docs/memory-and-fidelity.md).
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();

/** Cosine similarity and relative L2 error of a span of frames, each output taken as one vector. */
export const similaritySchema = z.object({
  /** Frames compared (valid encoder frames of both outputs). */
  frames: count,
  /** <a, b> / (|a| |b|) over the span; 1 when both are zero, 0 when only one is. */
  cosine: z.number().min(-1).max(1),
  /** |a - b| / |b| with b the oracle's output; null when the oracle's span is all zeros and the variant's is not. */
  relL2: z.number().nonnegative().nullable(),
});
/** Similarity of one span. */
export type Similarity = z.infer<typeof similaritySchema>;

/**
 * Joint decision agreement: on the oracle's greedy path, the decoder calls whose argmax token and
 * argmax duration are the same when the oracle's decoder_joint reads the variant's encoder frame
 * instead of the oracle's (same target, same decoder state).
 */
const agreementFields = { decoderCalls: count, agreedCalls: count };

/** One long-pass section's similarity and agreement. */
export const sectionFidelitySchema = similaritySchema.extend({
  index: count,
  startSec: z.number().nonnegative(),
  endSec: z.number().nonnegative(),
  ...agreementFields,
});
/** One section's fidelity. */
export type SectionFidelity = z.infer<typeof sectionFidelitySchema>;

/** One window of frames along the long pass. */
export const windowFidelitySchema = similaritySchema.extend({ startSec: z.number().nonnegative(), endSec: z.number().nonnegative() });

/** Encoder output of a config's variant against the oracle variant's, on the same clips. */
export const encoderFidelitySchema = z.object({
  /** The variant whose encoder output is the reference (the sweep's oracle). */
  oracleVariant: z.string(),
  /** Where both outputs were computed. */
  runtime: z.string(),
  /** Every clip's frames together; agreement over every decoder call of the oracle's path. */
  overall: similaritySchema.extend(agreementFields),
  /** Long pass: per section of the protocol. */
  sections: z.array(sectionFidelitySchema).optional(),
  /** Long pass: window length along the pass, in seconds. */
  windowSec: z.number().positive().optional(),
  windows: z.array(windowFidelitySchema).optional(),
});
/** A result's encoder-fidelity block. */
export type EncoderFidelity = z.infer<typeof encoderFidelitySchema>;

/** The lowest cosine a result's fidelity shows: its worst section on a long pass, else the overall one. */
export function worstCosine(f: EncoderFidelity): { cosine: number; section?: SectionFidelity } {
  const worst = f.sections?.reduce((a, b) => (b.cosine < a.cosine ? b : a));
  return worst ? { cosine: worst.cosine, section: worst } : { cosine: f.overall.cosine };
}

/** Agreed share of decoder calls, or null without calls. */
export function agreementRate(s: { decoderCalls: number; agreedCalls: number }): number | null {
  return s.decoderCalls === 0 ? null : s.agreedCalls / s.decoderCalls;
}
