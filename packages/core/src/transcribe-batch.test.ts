import { describe, expect, it } from 'vitest';
import { planBatches } from './transcribe-batch.ts';

describe('planBatches', () => {
  it('batches the longest clips together (ties in dataset order); a batch larger than the set holds it all', () => {
    expect(planBatches([5, 9, 1, 9, 3], 2)).toEqual([[1, 3], [0, 4], [2]]);
    expect(planBatches([5, 9, 1], 64)).toEqual([[1, 0, 2]]);
    expect(planBatches([], 4)).toEqual([]);
  });
  it('refuses a batch size that is not a whole number >= 1', () => {
    expect(() => planBatches([1], 0)).toThrow('batch size must be a whole number >= 1, got 0');
    expect(() => planBatches([1], 1.5)).toThrow('got 1.5');
  });
});
