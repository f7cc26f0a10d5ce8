/**
 * Minimal word alignment for the dashboard's diffs (like jiwer's visualize_alignment). Local because
 * core's metrics/align.ts did not exist when this was written; swap to it once it lands.
 */

/** One aligned position: a hit, a substitution, a deletion (reference only) or an insertion. */
export type AlignOp =
  | { readonly kind: 'equal'; readonly ref: string; readonly hyp: string }
  | { readonly kind: 'substitute'; readonly ref: string; readonly hyp: string }
  | { readonly kind: 'delete'; readonly ref: string }
  | { readonly kind: 'insert'; readonly hyp: string };

/** Splits already-normalised text into words. */
export function words(text: string): string[] {
  return text.split(/\s+/u).filter((w) => w.length > 0);
}

/**
 * Minimum-edit alignment of reference and hypothesis words (unit costs). Ties prefer substitution,
 * then deletion, so equal-length mismatches read as S rather than D+I, as jiwer shows them.
 */
export function alignWords(reference: readonly string[], hypothesis: readonly string[]): AlignOp[] {
  const n = reference.length;
  const m = hypothesis.length;
  const width = m + 1;
  const cost = new Uint32Array((n + 1) * width);
  for (let i = 0; i <= n; i++) cost[i * width] = i;
  for (let j = 0; j <= m; j++) cost[j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const same = reference[i - 1] === hypothesis[j - 1];
      const diag = cost[(i - 1) * width + j - 1]! + (same ? 0 : 1);
      const del = cost[(i - 1) * width + j]! + 1;
      const ins = cost[i * width + j - 1]! + 1;
      cost[i * width + j] = Math.min(diag, del, ins);
    }
  }
  const ops: AlignOp[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = cost[i * width + j]!;
    if (i > 0 && j > 0) {
      const ref = reference[i - 1]!;
      const hyp = hypothesis[j - 1]!;
      const same = ref === hyp;
      if (here === cost[(i - 1) * width + j - 1]! + (same ? 0 : 1)) {
        ops.push(same ? { kind: 'equal', ref, hyp } : { kind: 'substitute', ref, hyp });
        i--;
        j--;
        continue;
      }
    }
    if (i > 0 && here === cost[(i - 1) * width + j]! + 1) {
      ops.push({ kind: 'delete', ref: reference[i - 1]! });
      i--;
    } else {
      ops.push({ kind: 'insert', hyp: hypothesis[j - 1]! });
      j--;
    }
  }
  return ops.reverse();
}

/** S/D/I/hit counts of an alignment. */
export function countOps(ops: readonly AlignOp[]): { hits: number; substitutions: number; deletions: number; insertions: number } {
  const counts = { hits: 0, substitutions: 0, deletions: 0, insertions: 0 };
  const field = { equal: 'hits', substitute: 'substitutions', delete: 'deletions', insert: 'insertions' } as const;
  for (const op of ops) counts[field[op.kind]]++;
  return counts;
}
