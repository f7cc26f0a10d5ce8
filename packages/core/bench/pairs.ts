/**
 * Seeded synthetic reference/hypothesis pairs for the aligner's property test, its rapidfuzz fixtures
 * and the benchmark. bench/oracle/rapidfuzz-fixtures.py mirrors this generator exactly (same PRNG,
 * same draws), so a case is named by its parameters instead of being stored.
 */
import { createPrng } from '../src/stats/prng.ts';

/** Parameters of one synthetic pair. */
export interface PairSpec {
  seed: number;
  /** Reference length in tokens. */
  length: number;
  /** Tokens are ids 0..vocab-1, uniform. */
  vocab: number;
  /** Per reference token: substituted, deleted or followed by an insertion, each with errorPermille / 3000. */
  errorPermille: number;
  /** Random tokens inserted as one block at a random position of the hypothesis. */
  junk: number;
}

/** Builds the pair named by `spec`. */
export function makePair(spec: PairSpec): { ref: number[]; hyp: number[] } {
  const rng = createPrng(spec.seed);
  const ref = Array.from({ length: spec.length }, () => rng.int(spec.vocab));
  const hyp: number[] = [];
  const third = spec.errorPermille / 3;
  for (const t of ref) {
    const r = rng.int(1000);
    if (r < third) hyp.push(rng.int(spec.vocab));
    else if (r < 2 * third) continue;
    else if (r < spec.errorPermille) hyp.push(t, rng.int(spec.vocab));
    else hyp.push(t);
  }
  if (spec.junk > 0) {
    const at = rng.int(hyp.length + 1);
    hyp.splice(at, 0, ...Array.from({ length: spec.junk }, () => rng.int(spec.vocab)));
  }
  return { ref, hyp };
}
