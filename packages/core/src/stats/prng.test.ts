import { describe, expect, it } from 'vitest';
import { createPrng } from './prng.ts';

describe('createPrng (mulberry32)', () => {
  it('matches the published mulberry32 sequence for seed 42 (also mirrored in bench/oracle)', () => {
    const r = createPrng(42);
    expect([r.nextUint32(), r.nextUint32()]).toEqual([2581720956, 1925393290]);
  });

  it('is deterministic per seed and differs across seeds', () => {
    const draw = (seed: number): number[] => {
      const r = createPrng(seed);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(2 ** 32 + 7)).toEqual(draw(7)); // seeds are taken modulo 2^32
  });

  it('int(n) stays in [0, n) and is roughly uniform', () => {
    const r = createPrng(1);
    const hist = new Array<number>(10).fill(0);
    for (let k = 0; k < 100000; k++) hist[r.int(10)]!++;
    for (const h of hist) expect(Math.abs(h - 10000)).toBeLessThan(500); // ~5 sigma
    const f = Array.from({ length: 1000 }, () => r.next());
    expect(Math.min(...f)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...f)).toBeLessThan(1);
  });

  it('fillInts continues the stream exactly as repeated int(n) calls', () => {
    const a = createPrng(99);
    const b = createPrng(99);
    const out = new Int32Array(1000);
    a.fillInts(37, out);
    expect(Array.from(out)).toEqual(Array.from({ length: 1000 }, () => b.int(37)));
    expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it('refuses a non-integer seed, naming it', () => {
    expect(() => createPrng(1.5)).toThrow(/seed must be an integer, got 1.5/);
  });
});
