import { describe, expect, it } from 'vitest';
import { createPrng } from '../stats/prng.ts';
import { BandRecord, OUT_OF_BAND, advanceRows, rowValues } from './band-rows.ts';
import { PatternMasks, SymbolSlots } from './pattern-masks.ts';

/** Row `rows` of the plain DP matrix: D[c] = distance(pattern[:c], text[:rows]). */
function plainRow(pattern: Int32Array, text: Int32Array, rows: number): number[] {
  let prev = Array.from({ length: pattern.length + 1 }, (_, c) => c);
  for (let j = 1; j <= rows; j++) {
    const cur = [j];
    for (let c = 1; c <= pattern.length; c++) {
      cur[c] = Math.min(prev[c]! + 1, cur[c - 1]! + 1, prev[c - 1]! + (pattern[c - 1] === text[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev;
}

const randomSeq = (rng: ReturnType<typeof createPrng>, length: number, vocab: number): Int32Array => Int32Array.from({ length }, () => rng.int(vocab));

describe('PatternMasks', () => {
  it('dense and sparse (occurrence-list) masks agree on every block range', () => {
    const rng = createPrng(3);
    const slots = new SymbolSlots(20);
    const masksOf = (pm: PatternMasks, ranges: readonly [number, number][]): number[][] =>
      ranges.map(([first, last], t) => {
        const out = new Int32Array(pm.blocks);
        pm.fill(t, first, last, out);
        return Array.from(out.subarray(first, last + 1));
      });
    for (let k = 0; k < 40; k++) {
      const pattern = randomSeq(rng, 1 + rng.int(300), 1 + rng.int(20));
      const blocks = (pattern.length + 31) >>> 5;
      const ranges = Array.from({ length: 20 }, (): [number, number] => {
        const first = rng.int(blocks);
        return [first, first + rng.int(blocks - first)];
      });
      const dense = new PatternMasks(pattern, slots);
      const expected = masksOf(dense, ranges);
      dense.release();
      const sparse = new PatternMasks(pattern, slots, 0);
      expect(masksOf(sparse, ranges)).toEqual(expected);
      sparse.release();
    }
  });

  it('sets exactly the positions of the symbol', () => {
    const slots = new SymbolSlots(3);
    const pattern = Int32Array.from({ length: 70 }, (_, i) => (i % 33 === 0 ? 1 : 0)); // 1 at 0, 33, 66
    const pm = new PatternMasks(pattern, slots, 0);
    const out = new Int32Array(pm.blocks);
    pm.fill(1, 0, 2, out);
    expect(Array.from(out)).toEqual([1, 2, 4]);
    pm.fill(2, 0, 2, out); // symbol absent from the pattern
    expect(Array.from(out)).toEqual([0, 0, 0]);
    pm.release();
    expect(Array.from(slots.slot)).toEqual([-1, -1, -1]);
  });
});

describe('advanceRows / rowValues', () => {
  it('without a band (max >= both lengths) reproduces the plain DP row exactly', () => {
    const rng = createPrng(11);
    for (let k = 0; k < 60; k++) {
      const a = randomSeq(rng, 1 + rng.int(150), 1 + rng.int(6));
      const b = randomSeq(rng, 1 + rng.int(150), 1 + rng.int(6));
      const rows = 1 + rng.int(b.length);
      const pm = new PatternMasks(a, new SymbolSlots(6));
      const out = new Int32Array(a.length + 1);
      rowValues(advanceRows(pm, b, rows, Math.max(a.length, b.length)), a.length, out);
      expect(Array.from(out)).toEqual(plainRow(a, b, rows));
    }
  });

  it('with a band: exact wherever the true value is <= max, an upper bound elsewhere', () => {
    const rng = createPrng(12);
    for (let k = 0; k < 80; k++) {
      const a = randomSeq(rng, 40 + rng.int(200), 2 + rng.int(5));
      const b = Int32Array.from(a.filter(() => rng.int(8) !== 0).map((t) => (rng.int(9) === 0 ? rng.int(7) : t)));
      const max = Math.abs(a.length - b.length) + rng.int(40);
      const rows = Math.max(1, b.length - rng.int(b.length));
      if (Math.abs(a.length - rows) > max) continue;
      const pm = new PatternMasks(a, new SymbolSlots(7));
      const out = new Int32Array(a.length + 1);
      rowValues(advanceRows(pm, b, rows, max), a.length, out);
      const truth = plainRow(a, b, rows);
      for (let c = 0; c <= a.length; c++) {
        if (truth[c]! <= max) expect(out[c], `c=${c} max=${max}`).toBe(truth[c]);
        else expect(out[c]!).toBeGreaterThanOrEqual(truth[c]!);
      }
    }
  });

  it('marks cells outside the active blocks as OUT_OF_BAND', () => {
    const a = new Int32Array(200); // 7 blocks
    const pm = new PatternMasks(a, new SymbolSlots(1));
    const out = new Int32Array(201);
    rowValues(advanceRows(pm, new Int32Array(100), 100, 10), 200, out);
    expect(out[0]).toBe(OUT_OF_BAND); // block 0 left the band (positions < 90)
    expect(out[100]).toBe(0);
    expect(out[200]).toBe(OUT_OF_BAND); // blocks past position 110 were never entered
  });

  it('refuses a band whose blocks fall past the end of the pattern (caller bug), naming the sizes', () => {
    const pm = new PatternMasks(new Int32Array(10), new SymbolSlots(1));
    expect(() => advanceRows(pm, new Int32Array(100), 100, 5)).toThrow(/band 5 left the 10 x 100 matrix at row 37/);
  });

  it('records every row so VP / VN bits can be read back, with rapidfuzz defaults outside the band', () => {
    const a = Int32Array.from([0, 1, 2, 3]);
    const b = Int32Array.from([0, 1, 9, 3]);
    const pm = new PatternMasks(a, new SymbolSlots(10));
    const rec = new BandRecord(4, pm.blocks, 4);
    advanceRows(pm, b, 4, 4, rec);
    // Row 1 (after "0"): D = [1, 0, 1, 2, 3] -> deltas -1, +1, +1, +1.
    expect([0, 1, 2, 3].map((p) => rec.vnBit(0, p))).toEqual([true, false, false, false]);
    expect([0, 1, 2, 3].map((p) => rec.vpBit(0, p))).toEqual([false, true, true, true]);
    expect(rec.vpBit(0, 40)).toBe(true);
    expect(rec.vnBit(0, 40)).toBe(false);
  });
});
