import { describe, expect, it } from 'vitest';
import { FrameScorer } from './frame-scorer.ts';
import type { HistoryCall, HistoryRule } from '../../test/history-joint.ts';
import { frameIndexAudio, historyJoint } from '../../test/history-joint.ts';
import type { Hypothesis } from './maes-hypothesis.ts';
import { TokenTree } from './maes-hypothesis.ts';
import { prefixSearch } from './prefix-search.ts';

const V = 4; // tokens 0..2, blank 3
const BLANK = 3;
// [B] emits 0 with p .5 (duration 0 with p .25); [B 0] emits 1 with p .8 (duration 0 with p .5).
const rule: HistoryRule = (_f, h) =>
  h.length === 1 ? { tokens: { 0: 0.5, [BLANK]: 0.5 }, durations: { 0: 0.25, 1: 0.75 } } : { tokens: { 1: 0.8, [BLANK]: 0.2 }, durations: { 0: 0.5, 1: 0.5 } };

async function setup(log: HistoryCall[] = []) {
  const joint = historyJoint(V, rule, log);
  const tree = new TokenTree(V);
  const root = tree.root(BLANK, joint.initialState());
  const scorer = new FrameScorer(joint, frameIndexAudio(2));
  await scorer.score(0, [root]);
  const n0 = tree.child(root, 0);
  await scorer.score(0, [n0]);
  const n01 = tree.child(n0, 1);
  const h = (node: typeof root, score: number): Hypothesis => ({ node, score, lastFrame: 1, stamps: null });
  return { scorer, hRoot: h(root, Math.log(0.1)), h0: h(n0, Math.log(0.2)), h01: h(n01, Math.log(0.05)) };
}

describe('prefixSearch', () => {
  it('adds the path from a one-token-shorter prefix with zero duration (alpha 1)', async () => {
    const { scorer, hRoot, h0 } = await setup();
    await prefixSearch([h0, hRoot], 1, scorer, 1, 0);
    expect(Math.exp(h0.score)).toBeCloseTo(0.2 + 0.1 * 0.5 * 0.25, 9);
    expect(Math.exp(hRoot.score)).toBeCloseTo(0.1, 12);
  });

  it('leaves scores alone with alpha 0, and reaches two tokens back only with alpha 2', async () => {
    const a0 = await setup();
    await prefixSearch([a0.h01, a0.hRoot], 1, a0.scorer, 0, 0);
    expect(Math.exp(a0.h01.score)).toBeCloseTo(0.05, 12);
    const a1 = await setup();
    await prefixSearch([a1.h01, a1.hRoot], 1, a1.scorer, 1, 0);
    expect(Math.exp(a1.h01.score)).toBeCloseTo(0.05, 12);
    const log: HistoryCall[] = [];
    const a2 = await setup(log);
    const before = log.length;
    await prefixSearch([a2.h01, a2.hRoot], 1, a2.scorer, 2, 0);
    // [B] -> 0 (p .5 x d0 .25), then [B 0] -> 1 (p .8 x d0 .5), rows scored on frame 1.
    expect(Math.exp(a2.h01.score)).toBeCloseTo(0.05 + 0.1 * 0.5 * 0.25 * 0.8 * 0.5, 9);
    expect(new Set(log.slice(before).map((l) => l.call)).size).toBe(1);
    expect(log.slice(before).map((l) => l.frame)).toEqual([1, 1, 1]);
  });

  it('updates longer hypotheses with the shorter ones\' pre-update scores (NeMo order)', async () => {
    const { scorer, hRoot, h0, h01 } = await setup();
    await prefixSearch([h01, h0, hRoot], 1, scorer, 1, 0);
    // h01 uses h0's score BEFORE h0 itself gains from hRoot.
    expect(Math.exp(h01.score)).toBeCloseTo(0.05 + 0.2 * 0.8 * 0.5, 9);
    expect(Math.exp(h0.score)).toBeCloseTo(0.2 + 0.1 * 0.5 * 0.25, 9);
  });
});
