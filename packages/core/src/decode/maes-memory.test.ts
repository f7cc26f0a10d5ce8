import { describe, expect, it } from 'vitest';
import { historyJoint, frameIndexAudio } from '../../test/history-joint.ts';
import type { Hypothesis, TokenNode } from './maes-hypothesis.ts';
import { TokenTree } from './maes-hypothesis.ts';
import { MaesTdtDecoder } from './maes.ts';

const state = () => ({ s1: new Float32Array(1), s2: new Float32Array(1) });
const hyp = (node: TokenNode): Hypothesis => ({ node, score: 0, lastFrame: 0, stamps: null });
function chain(tree: TokenTree, from: TokenNode, length: number): TokenNode[] {
  const nodes = [from];
  for (let i = 0; i < length; i++) {
    const n = nodes[nodes.length - 1]!;
    n.next ??= state();
    nodes.push(tree.child(n, i % 5));
  }
  return nodes;
}

describe('TokenTree.releaseStates', () => {
  it('drops the states of every node shallower than all kept nodes, and only those', () => {
    const tree = new TokenTree(10);
    const path = chain(tree, tree.root(9, state()), 100);
    const branch = chain(tree, path[97]!, 2); // depths 98 (shared), 99, 100
    const keptStates = [path[100]!.state, branch[2]!.state];
    tree.releaseStates([hyp(path[100]!), hyp(branch[2]!)]);
    // The shallowest kept node has depth 100: everything above it can never be scored again.
    expect(path.filter((n) => n.state !== null).map((n) => n.depth)).toEqual([100, 101]);
    expect(branch.map((n) => n.state !== null)).toEqual([false, false, true]);
    expect([path[100]!.state, branch[2]!.state]).toEqual(keptStates);
    expect(path[50]!.next).toBeNull();
  });

  it('decodes a 200-token transcript exactly while releasing states frame by frame (never reads one it dropped)', async () => {
    // A likely and an unlikely token on every even frame, blank on odd ones: the beam branches and
    // prunes all along, and the best path ends 200 tokens deep.
    const V = 8;
    const joint = historyJoint(V, (frame) => (frame % 2 === 0 ? { tokens: { 1: 0.9, 2: 0.1 }, durations: { 1: 1 } } : { tokens: { 7: 1 }, durations: { 1: 1 } }));
    const decoder = new MaesTdtDecoder({ beamWidth: 2, numSteps: 2, prefixAlpha: 1, expansionBeta: 1, expansionGamma: 2.3, scoreNorm: true });
    const r = await decoder.decode(frameIndexAudio(400), { joint, blankId: 7, maxTokensPerStep: 10 });
    expect(r.tokens).toEqual(Array.from({ length: 200 }, () => 1));
    expect(r.meanDecoderBatch).toBeGreaterThan(1);
  });
});
