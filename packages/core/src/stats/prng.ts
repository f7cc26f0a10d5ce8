/**
 * Seeded deterministic PRNG: mulberry32 (Tommy Ettinger's 32-bit generator; one 32-bit state word,
 * period 2^32, passes gjrand/PractRand for the draw counts a bootstrap needs). Chosen because it is
 * tiny, fast in JavaScript (integer ops only), and easy to reproduce bit for bit in another language
 * (bench/oracle/rapidfuzz-fixtures.py mirrors it), so "same seed, same result" holds everywhere.
 */

/** A seeded stream of pseudo-random numbers. */
export interface RandomStream {
  /** Next 32-bit unsigned integer. */
  nextUint32(): number;
  /** Next float in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Next integer in [0, n) for 1 <= n <= 2^21 (exact: floor(u32 * n / 2^32)). */
  int(n: number): number;
  /** Fills `out` with int(n) draws, the same values as out.length calls of int(n), without per-draw calls. */
  fillInts(n: number, out: Int32Array): void;
}

/** Creates a mulberry32 stream; seeds are taken modulo 2^32, so any integer is a valid seed. */
export function createPrng(seed: number): RandomStream {
  if (!Number.isInteger(seed)) throw new Error(`createPrng: seed must be an integer, got ${seed}`);
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const fillInts = (n: number, out: Int32Array): void => {
    let s = state;
    for (let k = 0; k < out.length; k++) {
      s = (s + 0x6d2b79f5) | 0;
      let t = Math.imul(s ^ (s >>> 15), 1 | s);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      out[k] = ((((t ^ (t >>> 14)) >>> 0) * n) / 4294967296) | 0; // floor: the quotient is < 2^21
    }
    state = s;
  };
  return {
    nextUint32,
    next: () => nextUint32() / 4294967296,
    int: (n: number) => Math.floor((nextUint32() * n) / 4294967296),
    fillInts,
  };
}
