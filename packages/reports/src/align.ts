/** Word alignment for the dashboard's diffs (like jiwer's visualize_alignment). */
import { alignTokens } from '@parakeet-bench/core';

/** One aligned position: a hit, a substitution, a deletion (reference only) or an insertion. */
export type AlignOp =
  | { readonly kind: 'equal'; readonly ref: string; readonly hyp: string }
  | { readonly kind: 'substitute'; readonly ref: string; readonly hyp: string }
  | { readonly kind: 'delete'; readonly ref: string }
  | { readonly kind: 'insert'; readonly hyp: string };

/**
 * Minimum-edit alignment of reference and hypothesis words, expanded from core's jiwer-compatible
 * alignment so the diffs show exactly the S/D/I the scores counted.
 */
export function alignWords(reference: readonly string[], hypothesis: readonly string[]): AlignOp[] {
  const ops: AlignOp[] = [];
  for (const c of alignTokens(reference, hypothesis).chunks) {
    const span = Math.max(c.refEnd - c.refStart, c.hypEnd - c.hypStart);
    for (let k = 0; k < span; k++) {
      const ref = reference[c.refStart + k]!;
      const hyp = hypothesis[c.hypStart + k]!;
      if (c.type === 'equal') ops.push({ kind: 'equal', ref, hyp });
      else if (c.type === 'substitute') ops.push({ kind: 'substitute', ref, hyp });
      else if (c.type === 'delete') ops.push({ kind: 'delete', ref });
      else ops.push({ kind: 'insert', hyp });
    }
  }
  return ops;
}

/** S/D/I/hit counts of an alignment. */
export function countOps(ops: readonly AlignOp[]): { hits: number; substitutions: number; deletions: number; insertions: number } {
  const counts = { hits: 0, substitutions: 0, deletions: 0, insertions: 0 };
  const field = { equal: 'hits', substitute: 'substitutions', delete: 'deletions', insert: 'insertions' } as const;
  for (const op of ops) counts[field[op.kind]]++;
  return counts;
}
