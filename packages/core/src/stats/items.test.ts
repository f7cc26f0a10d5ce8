import { describe, expect, it } from 'vitest';
import { errorItems } from './items.ts';

describe('errorItems', () => {
  it('takes S + D + I and N of the chosen unit from scored utterances', () => {
    const u = {
      id: 'u1',
      words: { hits: 4, substitutions: 1, deletions: 1, insertions: 2, referenceLength: 6 },
      chars: { hits: 20, substitutions: 2, deletions: 0, insertions: 1, referenceLength: 22 },
    };
    expect(errorItems([u], 'words')).toEqual([{ id: 'u1', errors: 4, referenceLength: 6 }]);
    expect(errorItems([u], 'chars')).toEqual([{ id: 'u1', errors: 3, referenceLength: 22 }]);
  });
});
