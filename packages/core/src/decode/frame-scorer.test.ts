import { describe, expect, it } from 'vitest';
import { FrameScorer, logSumExp, topK } from './frame-scorer.ts';
import type { HistoryCall } from '../../test/history-joint.ts';
import { frameIndexAudio, historyJoint } from '../../test/history-joint.ts';
import { TokenTree } from './maes-hypothesis.ts';

describe('topK', () => {
  it('returns the k largest, largest first, equal values in index order', () => {
    const idx = new Int32Array(3);
    const val = new Float64Array(3);
    expect(topK([1, 5, 3, 5, -2, 4], 3, idx, val)).toBe(3);
    expect([...idx]).toEqual([1, 3, 5]);
    expect([...val]).toEqual([5, 5, 4]);
    expect(topK([2, 7], 3, idx, val)).toBe(2);
    expect([...idx.subarray(0, 2)]).toEqual([1, 0]);
  });
});

describe('logSumExp', () => {
  it('is stable for large logits', () => {
    expect(logSumExp(Float32Array.of(1000, 1000))).toBeCloseTo(1000 + Math.log(2), 6);
    expect(logSumExp(Float32Array.of(Math.log(0.2), Math.log(0.3)))).toBeCloseTo(Math.log(0.5), 6);
  });
});

describe('FrameScorer', () => {
  it('scores each node once per frame in one batched call and sets its output state', async () => {
    const log: HistoryCall[] = [];
    const joint = historyJoint(4, () => ({ tokens: { 0: 0.5, 3: 0.5 }, durations: { 1: 1 } }), log);
    const tree = new TokenTree(4);
    const root = tree.root(3, joint.initialState());
    const scorer = new FrameScorer(joint, frameIndexAudio(3));
    await scorer.score(1, [root]);
    expect(root.next).not.toBeNull();
    const child = tree.child(root, 0);
    await scorer.score(1, [root, child, child]);
    expect(log.map((l) => [l.call, l.frame, l.history])).toEqual([
      [1, 1, [3]],
      [2, 1, [3, 0]],
    ]);
    const s = scorer.get(child);
    expect(s.tokenLogits[0]! - s.tokenLse).toBeCloseTo(Math.log(0.5), 6);
    await scorer.score(2, [root, child]);
    expect(log.slice(2).map((l) => [l.call, l.frame, l.batch])).toEqual([
      [3, 2, 2],
      [3, 2, 2],
    ]);
    expect([scorer.calls, scorer.rows]).toEqual([3, 4]);
    expect(() => scorer.get(tree.child(child, 1))).toThrow(/was not scored on frame 2/);
  });
});
