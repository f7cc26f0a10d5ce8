/**
 * Levenshtein alignment of two token sequences with jiwer's tie-breaking, at any length.
 *
 * jiwer (src/jiwer/process.py `process_words`) maps words to ints and takes
 * `rapidfuzz.distance.Levenshtein.opcodes(reference, hypothesis)`. hirschberg.ts reproduces
 * rapidfuzz-cpp's `levenshtein_editops` step for step: common prefix/suffix stripped, the bit-parallel
 * matrix traced back from the bottom-right corner preferring deletion, then insertion, then the
 * diagonal; and above rapidfuzz's size threshold (~4M cells after affix removal) Hirschberg splitting
 * at the same cut points. In plain distances D[i][j] = dist(ref[:i], hyp[:j]) the trace-back is:
 *   1. D[i][j] == D[i-1][j] + 1          -> delete ref[i-1]
 *   2. else (j--) D[i][j] == D[i-1][j] - 1 -> insert hyp[j]
 *   3. else diagonal (i--): equal or substitute.
 * Both S/D/I counts and chunks therefore match jiwer, including on inputs long enough for rapidfuzz
 * to split. Memory is linear in the input (banded bit rows plus at most ~1 MB of trace-back bits).
 */
import type { ErrorCounts } from '../schema.ts';
import { denseIds } from './dense-ids.ts';
import { editOps } from './hirschberg.ts';

/** Edit operation kinds, named as jiwer names them. */
export type AlignOp = 'equal' | 'substitute' | 'delete' | 'insert';

/** A run of one operation over ref[refStart, refEnd) and hyp[hypStart, hypEnd) (jiwer's AlignmentChunk). */
export interface AlignmentChunk {
  type: AlignOp;
  refStart: number;
  refEnd: number;
  hypStart: number;
  hypEnd: number;
}

/** Alignment of one reference/hypothesis pair. */
export interface Alignment {
  /** Chunks in order; consecutive steps of one kind are merged like rapidfuzz opcodes. */
  chunks: AlignmentChunk[];
  counts: ErrorCounts;
}

const OP_KIND: readonly AlignOp[] = ['equal', 'substitute', 'delete', 'insert'];

/** Aligns two sequences of symbol ids (equal ids = equal tokens). */
export function alignIds(ref: ArrayLike<number>, hyp: ArrayLike<number>): Alignment {
  const { a, b, symbolCount } = denseIds(ref, hyp);
  return buildChunks(editOps(a, b, symbolCount), a.length, b.length);
}

const COUNT_KEY: Record<AlignOp, Exclude<keyof ErrorCounts, 'referenceLength'>> = {
  equal: 'hits',
  substitute: 'substitutions',
  delete: 'deletions',
  insert: 'insertions',
};

/** Merges the op codes into chunks (like rapidfuzz opcodes) and counts them. */
function buildChunks(ops: Uint8Array, n: number, m: number): Alignment {
  const counts: ErrorCounts = { hits: 0, substitutions: 0, deletions: 0, insertions: 0, referenceLength: n };
  const chunks: AlignmentChunk[] = [];
  let ri = 0;
  let hi = 0;
  for (let k = 0; k < ops.length; ) {
    const code = ops[k]!;
    let run = 1;
    while (k + run < ops.length && ops[k + run] === code) run++;
    const type = OP_KIND[code]!;
    const dr = type === 'insert' ? 0 : run;
    const dh = type === 'delete' ? 0 : run;
    chunks.push({ type, refStart: ri, refEnd: ri + dr, hypStart: hi, hypEnd: hi + dh });
    counts[COUNT_KEY[type]] += run;
    ri += dr;
    hi += dh;
    k += run;
  }
  if (ri !== n || hi !== m) throw new Error(`alignIds: internal error, alignment covers ${ri}/${n} ref and ${hi}/${m} hyp tokens`);
  return { chunks, counts };
}

/** Aligns two token (word or character) sequences; tokens are compared by exact string equality. */
export function alignTokens(ref: readonly string[], hyp: readonly string[]): Alignment {
  const { a, b, symbolCount } = denseIds(ref, hyp);
  return buildChunks(editOps(a, b, symbolCount), a.length, b.length);
}
