import { describe, expect, it } from 'vitest';
import { splitWords as words } from '@parakeet-bench/core';
import { alignWords, countOps } from './align.ts';

describe('alignWords', () => {
  it('marks substitutions, deletions and insertions', () => {
    const ops = alignWords(words('ask not what your country can do'), words('ask what my country can can do'));
    expect(ops.slice(0, 4).map((o) => o.kind)).toEqual(['equal', 'delete', 'equal', 'substitute']);
    expect(ops[3]).toEqual({ kind: 'substitute', ref: 'your', hyp: 'my' });
    expect(countOps(ops)).toEqual({ hits: 5, substitutions: 1, deletions: 1, insertions: 1 });
  });

  it('prefers one substitution over a deletion plus an insertion', () => {
    expect(alignWords(['a', 'b', 'c'], ['a', 'x', 'c']).map((o) => o.kind)).toEqual(['equal', 'substitute', 'equal']);
  });

  it('handles empty sides', () => {
    expect(alignWords([], ['x', 'y']).map((o) => o.kind)).toEqual(['insert', 'insert']);
    expect(alignWords(['x'], []).map((o) => o.kind)).toEqual(['delete']);
    expect(alignWords([], [])).toEqual([]);
  });

  it('keeps every word in order on its side', () => {
    const ref = words('the quick brown fox jumps');
    const hyp = words('a quick fox jumped over');
    const ops = alignWords(ref, hyp);
    expect(ops.flatMap((o) => ('ref' in o ? [o.ref] : []))).toEqual(ref);
    expect(ops.flatMap((o) => ('hyp' in o ? [o.hyp] : []))).toEqual(hyp);
    const c = countOps(ops);
    expect(c.substitutions + c.deletions + c.insertions).toBe(4);
  });
});
