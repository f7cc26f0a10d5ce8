/**
 * The full-matrix aligner as it was before the linear-memory rewrite (packages/core/src/metrics/align.ts
 * at commit 9b4be90), kept verbatim as the reference that the property test and the benchmark compare
 * the new aligner against. Not used by the library; only the function name changed.
 */
import type { ErrorCounts } from '../../src/schema.ts';
import type { AlignOp, Alignment, AlignmentChunk } from '../../src/metrics/align.ts';

// 2^28 cells = 512 MB of Uint16 / 1 GB of Uint32: beyond that the caller should score smaller pieces.
const MAX_CELLS = 2 ** 28;

/** Aligns two sequences of symbol ids (equal ids = equal tokens). */
export function fullMatrixAlignIds(ref: ArrayLike<number>, hyp: ArrayLike<number>): Alignment {
  const n = ref.length;
  const m = hyp.length;
  let pre = 0;
  while (pre < n && pre < m && ref[pre] === hyp[pre]) pre++;
  let suf = 0;
  while (suf < n - pre && suf < m - pre && ref[n - 1 - suf] === hyp[m - 1 - suf]) suf++;
  const rn = n - pre - suf;
  const hm = m - pre - suf;
  const w = hm + 1;
  const cells = (rn + 1) * w;
  if (cells > MAX_CELLS) {
    throw new Error(`alignIds: ${rn} x ${hm} alignment needs ${cells} cells (limit ${MAX_CELLS}); score shorter segments (e.g. per utterance or section)`);
  }
  // Distances never exceed max(rn, hm), so 16 bits suffice for all realistic utterances.
  const d = Math.max(rn, hm) < 0xffff ? new Uint16Array(cells) : new Uint32Array(cells);
  const r = new Int32Array(rn);
  const h = new Int32Array(hm);
  for (let i = 0; i < rn; i++) r[i] = ref[pre + i] ?? 0;
  for (let j = 0; j < hm; j++) h[j] = hyp[pre + j] ?? 0;
  for (let j = 0; j <= hm; j++) d[j] = j;
  for (let i = 1; i <= rn; i++) {
    const row = i * w;
    const prev = row - w;
    const ri = r[i - 1];
    d[row] = i;
    for (let j = 1; j <= hm; j++) {
      const diag = d[prev + j - 1]! + (ri === h[j - 1] ? 0 : 1);
      const del = d[prev + j]! + 1;
      const ins = d[row + j - 1]! + 1;
      d[row + j] = diag < del ? (diag < ins ? diag : ins) : del < ins ? del : ins;
    }
  }

  const ops: AlignOp[] = [];
  let i = rn;
  let j = hm;
  while (i > 0 && j > 0) {
    if (d[i * w + j] === d[(i - 1) * w + j]! + 1) {
      ops.push('delete');
      i--;
    } else {
      j--;
      if (j > 0 && d[i * w + j] === d[(i - 1) * w + j]! - 1) {
        ops.push('insert');
      } else {
        i--;
        ops.push(r[i] === h[j] ? 'equal' : 'substitute');
      }
    }
  }
  for (; i > 0; i--) ops.push('delete');
  for (; j > 0; j--) ops.push('insert');
  ops.reverse();

  return buildChunks(ops, pre, suf, n, m);
}

const COUNT_KEY: Record<AlignOp, Exclude<keyof ErrorCounts, 'referenceLength'>> = {
  equal: 'hits',
  substitute: 'substitutions',
  delete: 'deletions',
  insert: 'insertions',
};

/** Turns the middle's op list plus the stripped prefix/suffix into merged chunks and counts. */
function buildChunks(ops: AlignOp[], pre: number, suf: number, n: number, m: number): Alignment {
  const counts: ErrorCounts = { hits: pre + suf, substitutions: 0, deletions: 0, insertions: 0, referenceLength: n };
  const chunks: AlignmentChunk[] = [];
  const push = (type: AlignOp, ri: number, hi: number): void => {
    const dr = type === 'insert' ? 0 : 1;
    const dh = type === 'delete' ? 0 : 1;
    const last = chunks[chunks.length - 1];
    if (last && last.type === type) {
      last.refEnd += dr;
      last.hypEnd += dh;
    } else {
      chunks.push({ type, refStart: ri, refEnd: ri + dr, hypStart: hi, hypEnd: hi + dh });
    }
  };
  let ri = 0;
  let hi = 0;
  for (let k = 0; k < pre; k++) push('equal', ri++, hi++);
  for (const op of ops) {
    push(op, ri, hi);
    if (op !== 'insert') ri++;
    if (op !== 'delete') hi++;
    counts[COUNT_KEY[op]]++;
  }
  for (let k = 0; k < suf; k++) push('equal', ri++, hi++);
  if (ri !== n || hi !== m) throw new Error(`alignIds: internal error, alignment covers ${ri}/${n} ref and ${hi}/${m} hyp tokens`);
  return { chunks, counts };
}
