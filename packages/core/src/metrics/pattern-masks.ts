/**
 * Pattern-match masks for the bit-parallel Levenshtein rows (band-rows.ts): for a symbol t and a
 * 32-bit block w of the pattern, the word whose bit i is set where pattern[32w + i] === t.
 *
 * Symbols are dense ids 0..symbolCount-1. Small patterns keep every (symbol, block) word in one dense
 * array; when that would exceed DENSE_MASK_WORDS (many distinct tokens times a long pattern) the masks
 * are built per row from sorted occurrence lists instead, so memory stays linear in the pattern length.
 */

/** Bits per block. */
export const BLOCK_BITS = 32;
/** Word budget of the dense mask form (2^21 words = 8 MB); above it masks come from occurrence lists. */
export const DENSE_MASK_WORDS = 1 << 21;

/** Per-aligner scratch mapping global symbol ids to the current pattern's local slots. */
export class SymbolSlots {
  /** slot[symbol] = local slot in the current pattern, or -1. */
  readonly slot: Int32Array;

  constructor(symbolCount: number) {
    this.slot = new Int32Array(symbolCount).fill(-1);
  }
}

/** Masks of one pattern; call {@link PatternMasks.release} when done so the slots can be reused. */
export class PatternMasks {
  readonly length: number;
  readonly blocks: number;
  private readonly slots: SymbolSlots;
  private readonly symbols: Int32Array;
  private readonly dense: Int32Array | null;
  // Sparse form: occurrences of slot s are positions[starts[s] .. starts[s + 1]), ascending.
  private readonly starts: Int32Array;
  private readonly positions: Int32Array;

  /** `denseLimitWords` is only lowered by tests, to exercise the sparse form on small inputs. */
  constructor(pattern: Int32Array, slots: SymbolSlots, denseLimitWords = DENSE_MASK_WORDS) {
    const n = pattern.length;
    this.length = n;
    this.blocks = (n + BLOCK_BITS - 1) >>> 5;
    this.slots = slots;
    const slot = slots.slot;
    const counts: number[] = [];
    const symbols: number[] = [];
    for (let p = 0; p < n; p++) {
      const t = pattern[p]!;
      let s = slot[t]!;
      if (s < 0) {
        s = symbols.length;
        slot[t] = s;
        symbols.push(t);
        counts.push(0);
      }
      counts[s]!++;
    }
    this.symbols = Int32Array.from(symbols);
    const u = symbols.length;
    if (u * this.blocks <= denseLimitWords) {
      const dense = new Int32Array(u * this.blocks);
      for (let p = 0; p < n; p++) dense[slot[pattern[p]!]! * this.blocks + (p >>> 5)]! |= 1 << (p & 31);
      this.dense = dense;
      this.starts = new Int32Array(0);
      this.positions = new Int32Array(0);
    } else {
      this.dense = null;
      const starts = new Int32Array(u + 1);
      for (let s = 0; s < u; s++) starts[s + 1] = starts[s]! + counts[s]!;
      const fill = starts.slice(0, u);
      const positions = new Int32Array(n);
      for (let p = 0; p < n; p++) positions[fill[slot[pattern[p]!]!]!++] = p;
      this.starts = starts;
      this.positions = positions;
    }
  }

  /** Writes the masks of `symbol` for blocks first..last into out[first..last]. */
  fill(symbol: number, first: number, last: number, out: Int32Array): void {
    const s = this.slots.slot[symbol]!;
    if (s < 0) {
      out.fill(0, first, last + 1);
      return;
    }
    if (this.dense) {
      const base = s * this.blocks;
      for (let w = first; w <= last; w++) out[w] = this.dense[base + w]!;
      return;
    }
    out.fill(0, first, last + 1);
    const pos = this.positions;
    const from = first * BLOCK_BITS;
    const to = (last + 1) * BLOCK_BITS;
    let lo = this.starts[s]!;
    let hi = this.starts[s + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pos[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    const end = this.starts[s + 1]!;
    for (let k = lo; k < end; k++) {
      const p = pos[k]!;
      if (p >= to) break;
      out[p >>> 5]! |= 1 << (p & 31);
    }
  }

  /** Frees the symbol slots this pattern claimed. */
  release(): void {
    for (const t of this.symbols) this.slots.slot[t] = -1;
  }
}
