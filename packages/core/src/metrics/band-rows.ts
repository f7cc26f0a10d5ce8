/**
 * Banded bit-parallel Levenshtein rows: Myers (1999) as reformulated by Hyyrö (2003), in blocks of
 * 32 bits as rapidfuzz-cpp's `levenshtein_hyrroe2003_block` does (Levenshtein_impl.hpp), with the
 * pattern (reference side) along the bits and one text (hypothesis) symbol per row. Bit i of VP / VN
 * says D[i + 1] - D[i] is +1 / -1 in the current row, where D[c] = distance(pattern[:c], text[:row]).
 *
 * Only the blocks covering the diagonal band |c - row| <= max are advanced (Ukkonen). A block entering
 * the band starts from "+1 per position" and the boundary above the first block is assumed to grow by
 * one per row; both are upper bounds, so every computed value is >= the true one, and every cell whose
 * true value is <= max is exact (its optimal path never leaves |diagonal| <= max). Callers pass a max
 * that bounds the distance, so all cells on optimal paths, and all cells the backtrack compares, are
 * exact; see hirschberg.ts.
 */
import { BLOCK_BITS, type PatternMasks } from './pattern-masks.ts';

/** Marks a cell outside the computed band: larger than any distance. */
export const OUT_OF_BAND = 0x7fffffff;

/** Vertical deltas of the active blocks after the last processed row. */
export interface BandState {
  readonly vp: Int32Array;
  readonly vn: Int32Array;
  /** First and last active block. */
  readonly first: number;
  readonly last: number;
  /** Computed D[first * 32] in the last processed row. */
  readonly top: number;
}

/** Keeps every row's active blocks, so an alignment can be traced back through them. */
export class BandRecord {
  readonly stride: number;
  readonly firsts: Int32Array;
  readonly lasts: Int32Array;
  readonly vp: Int32Array;
  readonly vn: Int32Array;

  constructor(rows: number, blocks: number, max: number) {
    // The band spans 2 * max + 1 positions, so it touches at most floor(2 * max / 32) + 2 blocks.
    this.stride = Math.min(blocks, Math.floor((2 * max) / BLOCK_BITS) + 2);
    this.firsts = new Int32Array(rows);
    this.lasts = new Int32Array(rows);
    this.vp = new Int32Array(rows * this.stride);
    this.vn = new Int32Array(rows * this.stride);
  }

  /** VP bit at pattern position `pos` after row index `row` (0-based); outside the band it reads 1. */
  vpBit(row: number, pos: number): boolean {
    const w = (pos >>> 5) - this.firsts[row]!;
    if (w < 0 || pos >>> 5 > this.lasts[row]!) return true;
    return ((this.vp[row * this.stride + w]! >>> (pos & 31)) & 1) === 1;
  }

  /** VN bit at pattern position `pos` after row index `row`; outside the band it reads 0. */
  vnBit(row: number, pos: number): boolean {
    const w = (pos >>> 5) - this.firsts[row]!;
    if (w < 0 || pos >>> 5 > this.lasts[row]!) return false;
    return ((this.vn[row * this.stride + w]! >>> (pos & 31)) & 1) === 1;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Advances the band over text[0..rows) against the pattern and returns the last row's blocks,
 * recording every row in `record` when given. `max` >= 0 is the band half-width; the caller
 * guarantees max >= |pattern.length - rows| so the band never leaves the matrix.
 */
export function advanceRows(pm: PatternMasks, text: Int32Array, rows: number, max: number, record?: BandRecord): BandState {
  const n = pm.length;
  const blocks = pm.blocks;
  const vp = new Int32Array(blocks);
  const vn = new Int32Array(blocks);
  const masks = new Int32Array(blocks);
  let first = 0;
  let last = -1;
  let top = 0;
  for (let j = 0; j < rows; j++) {
    // After this row the band covers cells c with |c - (j + 1)| <= max, i.e. bit positions c - 1.
    const lo = j > max ? (j - max) >>> 5 : 0;
    const hi = (j + max < n - 1 ? j + max : n - 1) >>> 5;
    if (lo > hi) throw new Error(`advanceRows: band ${max} left the ${n} x ${rows} matrix at row ${j} (internal error)`);
    while (first < lo) {
      top += popcount(vp[first]!) - popcount(vn[first]!);
      first++;
    }
    while (last < hi) {
      last++;
      vp[last] = -1;
      vn[last] = 0;
    }
    pm.fill(text[j]!, first, last, masks);
    top++;
    let hpCarry = 1;
    let hnCarry = 0;
    for (let w = first; w <= last; w++) {
      const x = masks[w]! | hnCarry;
      const pv = vp[w]!;
      const nv = vn[w]!;
      const d0 = ((((x & pv) + pv) | 0) ^ pv) | x | nv;
      let hp = nv | ~(d0 | pv);
      let hn = d0 & pv;
      const hpOut = hp >>> 31;
      const hnOut = hn >>> 31;
      hp = (hp << 1) | hpCarry;
      hn = (hn << 1) | hnCarry;
      vp[w] = hn | ~(d0 | hp);
      vn[w] = hp & d0;
      hpCarry = hpOut;
      hnCarry = hnOut;
    }
    if (record) {
      const base = j * record.stride - first;
      record.firsts[j] = first;
      record.lasts[j] = last;
      for (let w = first; w <= last; w++) {
        record.vp[base + w] = vp[w]!;
        record.vn[base + w] = vn[w]!;
      }
    }
  }
  return { vp, vn, first, last, top };
}

/** Writes D[0..n] of the state's row into out (length n + 1); cells outside the band get OUT_OF_BAND. */
export function rowValues(state: BandState, n: number, out: Int32Array): void {
  out.fill(OUT_OF_BAND);
  let c = state.first * BLOCK_BITS;
  let v = state.top;
  out[c] = v;
  const end = Math.min(n, (state.last + 1) * BLOCK_BITS);
  for (; c < end; c++) {
    const w = c >>> 5;
    const b = c & 31;
    v += ((state.vp[w]! >>> b) & 1) - ((state.vn[w]! >>> b) & 1);
    out[c + 1] = v;
  }
}
