/**
 * Edit operations of a reference/hypothesis pair exactly as rapidfuzz's `Levenshtein.editops` /
 * `opcodes` produce them (jiwer calls `opcodes`), in linear memory. Followed from rapidfuzz-cpp,
 * rapidfuzz/distance/Levenshtein_impl.hpp:
 *
 * - `levenshtein_editops`: the first bound is max(len(ref), len(hyp)) (no score hint);
 * - `levenshtein_align_hirschberg`: strip the common prefix/suffix; max = min(max, longer side);
 *   full_band = min(len(ref), 2 * max + 1); if 2 * full_band * len(hyp) / 8 < 1 MiB, or
 *   len(ref) < 65, or len(hyp) < 10, trace the whole sub-matrix back (`levenshtein_align`);
 *   otherwise split (Hirschberg) and recurse on both halves with their exact scores as max;
 * - `find_hirschberg_pos`: hyp is cut at len(hyp) / 2 (floor); ref at the LEFTMOST column minimising
 *   forward + backward distance (rapidfuzz keeps the first strict minimum, boundary column included);
 * - `recover_alignment`: from the bottom-right corner prefer deletion (VP bit), else step up a row and
 *   take an insertion if the VN bit of the row above is set, else the diagonal (match or substitution).
 *
 * rapidfuzz computes these rows with 64-bit blocks and its own Ukkonen band; band-rows.ts uses 32-bit
 * blocks and the band |diagonal| <= max. Every decision above only reads cells whose true value is
 * <= max, which both compute exactly, so the choices (and so chunks and S/D/I counts) are the same.
 * Checked against rapidfuzz 3.14 output in align.test.ts (fixtures/rapidfuzz-opcodes.json).
 */
import { BandRecord, OUT_OF_BAND, advanceRows, rowValues } from './band-rows.ts';
import { PatternMasks, SymbolSlots } from './pattern-masks.ts';

/** Operation codes written by {@link editOps}: equal, substitute, delete, insert. */
export const OP_EQUAL = 0;
/** See {@link OP_EQUAL}. */
export const OP_SUBSTITUTE = 1;
/** See {@link OP_EQUAL}. */
export const OP_DELETE = 2;
/** See {@link OP_EQUAL}. */
export const OP_INSERT = 3;

// rapidfuzz's threshold: 2 * full_band * len(hyp) / 8 bytes of VP + VN below 1 MiB -> no split.
const SPLIT_BITS = 8 * 1024 * 1024;

class OpWriter {
  readonly ops: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.ops = new Uint8Array(capacity);
  }

  repeat(op: number, count: number): void {
    this.ops.fill(op, this.length, this.length + count);
    this.length += count;
  }
}

function reversed(x: Int32Array): Int32Array {
  const r = new Int32Array(x.length);
  for (let i = 0, j = x.length - 1; j >= 0; i++, j--) r[i] = x[j]!;
  return r;
}

/** Traces a whole sub-matrix back (rapidfuzz `levenshtein_align` + `recover_alignment`). */
function traceBack(a: Int32Array, b: Int32Array, max: number, slots: SymbolSlots, out: OpWriter): void {
  const pm = new PatternMasks(a, slots);
  const record = new BandRecord(b.length, pm.blocks, max);
  try {
    advanceRows(pm, b, b.length, max, record);
  } finally {
    pm.release();
  }
  // Ops come out last-first; write them backwards into their final slots.
  let col = a.length;
  let row = b.length;
  let k = out.length + a.length + b.length; // upper bound of this leaf's op count; compacted below
  const scratch = out.ops;
  const end = k;
  while (row > 0 && col > 0) {
    if (record.vpBit(row - 1, col - 1)) {
      scratch[--k] = OP_DELETE;
      col--;
    } else {
      row--;
      if (row > 0 && record.vnBit(row - 1, col - 1)) {
        scratch[--k] = OP_INSERT;
      } else {
        col--;
        scratch[--k] = a[col] === b[row] ? OP_EQUAL : OP_SUBSTITUTE;
      }
    }
  }
  for (; col > 0; col--) scratch[--k] = OP_DELETE;
  for (; row > 0; row--) scratch[--k] = OP_INSERT;
  scratch.copyWithin(out.length, k, end);
  out.length += end - k;
}

/** Leftmost ref cut minimising forward + backward distance at the hyp midpoint (`find_hirschberg_pos`). */
function splitPoint(a: Int32Array, b: Int32Array, max: number, slots: SymbolSlots): { refMid: number; hypMid: number; left: number; right: number } {
  const n = a.length;
  const hypMid = b.length >>> 1;
  const back = new Int32Array(n + 1);
  const ra = reversed(a);
  const rpm = new PatternMasks(ra, slots);
  try {
    rowValues(advanceRows(rpm, reversed(b.subarray(hypMid)), b.length - hypMid, max), n, back);
  } finally {
    rpm.release();
  }
  const fwd = new Int32Array(n + 1);
  const pm = new PatternMasks(a, slots);
  try {
    rowValues(advanceRows(pm, b, hypMid, max), n, fwd);
  } finally {
    pm.release();
  }
  let best = OUT_OF_BAND;
  let refMid = -1;
  for (let c = 0; c <= n; c++) {
    const l = fwd[c]!;
    const r = back[n - c]!;
    if (l === OUT_OF_BAND || r === OUT_OF_BAND) continue;
    if (l + r < best) {
      best = l + r;
      refMid = c;
    }
  }
  if (refMid < 0 || best > max) throw new Error(`editOps: no split within distance ${max} for ${n} x ${b.length} (internal error)`);
  return { refMid, hypMid, left: fwd[refMid]!, right: back[n - refMid]! };
}

function alignRange(a: Int32Array, b: Int32Array, max: number, slots: SymbolSlots, out: OpWriter): void {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  out.repeat(OP_EQUAL, pre);
  const x = a.subarray(pre, a.length - suf);
  const y = b.subarray(pre, b.length - suf);
  const n = x.length;
  const m = y.length;
  const bound = Math.min(max, Math.max(n, m));
  if (n === 0 || m === 0) {
    out.repeat(OP_INSERT, m);
    out.repeat(OP_DELETE, n);
  } else if (2 * Math.min(n, 2 * bound + 1) * m < SPLIT_BITS || n < 65 || m < 10) {
    traceBack(x, y, bound, slots, out);
  } else {
    const cut = splitPoint(x, y, bound, slots);
    alignRange(x.subarray(0, cut.refMid), y.subarray(0, cut.hypMid), cut.left, slots, out);
    alignRange(x.subarray(cut.refMid), y.subarray(cut.hypMid), cut.right, slots, out);
  }
  out.repeat(OP_EQUAL, suf);
}

/**
 * rapidfuzz-identical edit operations of dense-id sequences (ref = rapidfuzz's s1), one code per
 * step in order (see {@link OP_EQUAL}), matches included.
 */
export function editOps(ref: Int32Array, hyp: Int32Array, symbolCount: number): Uint8Array {
  const out = new OpWriter(ref.length + hyp.length);
  alignRange(ref, hyp, Math.max(ref.length, hyp.length), new SymbolSlots(symbolCount), out);
  return out.ops.subarray(0, out.length);
}
