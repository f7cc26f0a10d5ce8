import { describe, expect, it } from 'vitest';
import type { Hypothesis, TokenNode } from './maes-hypothesis.ts';
import { TokenTree, ancestorAt, bestHypothesis, hypothesisTokens, isStrictPrefix, logAddExp, mergeAndPrune, mergeDuplicates } from './maes-hypothesis.ts';

const state = () => ({ s1: new Float32Array(1), s2: new Float32Array(1) });
/** A tree where every node is already "scored" (has an output state), so children can be built. */
function grow(tree: TokenTree, parent: TokenNode, ...tokens: number[]): TokenNode {
  let n = parent;
  for (const t of tokens) {
    n.next ??= state();
    n = tree.child(n, t);
  }
  return n;
}
const hyp = (node: TokenNode, score: number, lastFrame: number): Hypothesis => ({ node, score, lastFrame, stamps: null });

describe('TokenTree', () => {
  it('interns sequences, so equal token sequences are the same node', () => {
    const tree = new TokenTree(10);
    const root = tree.root(9, state());
    const x = grow(tree, root, 1, 2);
    expect(grow(tree, root, 1, 2)).toBe(x);
    expect(grow(tree, root, 2, 1)).not.toBe(x);
    expect(x.depth).toBe(3);
    expect(x.state).toBe(x.parent!.next);
  });

  it('refuses to expand a node whose output state is unknown', () => {
    const tree = new TokenTree(10);
    expect(() => tree.child(tree.root(9, state()), 1)).toThrow(/before its decoder state was computed/);
  });

  it('retain forgets the children of nodes no live hypothesis holds', () => {
    const tree = new TokenTree(10);
    const root = tree.root(9, state());
    const x = grow(tree, root, 1);
    const y = grow(tree, root, 2);
    grow(tree, x, 3);
    expect(tree.indexed).toBe(3);
    tree.retain([hyp(x, 0, 0)], 0);
    expect(tree.indexed).toBe(1); // only x -> 3 survives
    const y1 = grow(tree, y, 4);
    expect(grow(tree, y, 4)).toBe(y1);
  });

  it('tests prefixes by identity of the ancestor', () => {
    const tree = new TokenTree(10);
    const root = tree.root(9, state());
    const abc = grow(tree, root, 1, 2, 3);
    const ab = grow(tree, root, 1, 2);
    expect(ancestorAt(abc, 2)).toBe(grow(tree, root, 1));
    expect(isStrictPrefix(abc, ab)).toBe(true);
    expect(isStrictPrefix(abc, root)).toBe(true);
    expect(isStrictPrefix(ab, ab)).toBe(false);
    expect(isStrictPrefix(abc, grow(tree, root, 1, 3))).toBe(false);
  });
});

describe('merging and selection', () => {
  const tree = new TokenTree(10);
  const root = tree.root(9, state());
  const a = grow(tree, root, 1);

  it('logAddExp adds probabilities in log space', () => {
    expect(logAddExp(Math.log(0.25), Math.log(0.5))).toBeCloseTo(Math.log(0.75), 12);
    expect(logAddExp(-Infinity, -3)).toBe(-3);
    expect(logAddExp(-1000, -1000)).toBeCloseTo(-1000 + Math.log(2), 9);
  });

  it('merges equal (tokens, last frame) only, keeping the best one and summing probabilities', () => {
    const best = hyp(a, Math.log(0.3), 4);
    const merged = mergeDuplicates([hyp(a, Math.log(0.1), 4), best, hyp(a, Math.log(0.2), 5), hyp(root, Math.log(0.05), 4)]);
    expect(merged).toHaveLength(3);
    expect(merged[0]).toBe(best);
    expect(best.score).toBeCloseTo(Math.log(0.4), 12);
    expect(merged.map((h) => h.lastFrame)).toEqual([4, 5, 4]);
  });

  it('prunes to the beam after merging', () => {
    const kept = mergeAndPrune([hyp(root, -1, 1), hyp(a, -2, 1), hyp(a, -2, 1), hyp(root, -3, 2)], 2);
    expect(kept.map((h) => [h.node, h.lastFrame])).toEqual([
      [root, 1],
      [a, 1],
    ]);
    expect(kept[1]!.score).toBeCloseTo(-2 + Math.log(2), 12);
  });

  it('score_norm divides by the sequence length including the initial blank', () => {
    const long = grow(tree, root, 1, 2, 3); // depth 4
    const hyps = [hyp(root, -1.2, 9), hyp(long, -4, 9)];
    expect(bestHypothesis(hyps, false)!.node).toBe(root);
    expect(bestHypothesis(hyps, true)!.node).toBe(long); // -1.0 per token beats -1.2
    expect(bestHypothesis([], true)).toBeUndefined();
  });

  it('reads tokens and emission frames oldest first, without the initial blank', () => {
    const h: Hypothesis = { node: grow(tree, root, 1, 2), score: 0, lastFrame: 9, stamps: { frame: 7, prev: { frame: 3, prev: null } } };
    expect(hypothesisTokens(h)).toEqual({ tokens: [1, 2], frames: [3, 7] });
  });
});
