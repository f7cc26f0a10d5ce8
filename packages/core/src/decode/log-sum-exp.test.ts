import { describe, expect, it } from 'vitest';
import { logSumExp } from './log-sum-exp.ts';

/** The textbook two-pass log-sum-exp with Math.exp, in float64. */
function reference(x: Float32Array): number {
  let m = -Infinity;
  for (const v of x) m = Math.max(m, v);
  let s = 0;
  for (const v of x) s += Math.exp(v - m);
  return m + Math.log(s);
}

describe('logSumExp', () => {
  it('matches Math.exp log-sum-exp within 1e-12 on 8193-wide rows spanning 0 to -800 below the max', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let row = 0; row < 200; row++) {
      const spread = [1, 30, 60, 800][row % 4]!;
      const x = Float32Array.from({ length: 8193 }, () => 10 - spread * rand());
      expect(Math.abs(logSumExp(x) - reference(x))).toBeLessThan(1e-12);
    }
  });

  it('handles large logits, single entries, underflowing tails, -Infinity and NaN', () => {
    expect(logSumExp(Float32Array.of(1000, 1000))).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logSumExp(Float32Array.of(3))).toBe(3);
    expect(logSumExp(Float32Array.of(0, -1000))).toBe(0);
    expect(logSumExp(Float32Array.of(-Infinity, 2))).toBe(2);
    expect(logSumExp(Float32Array.of(-Infinity, -Infinity))).toBe(-Infinity);
    expect(logSumExp(Float32Array.of(1, NaN))).toBeNaN();
  });
});
