import { describe, expect, it } from 'vitest';
import { MAES_DEFAULTS } from '../config-id.ts';
import { GreedyTdtDecoder } from './greedy.ts';
import type { HistoryCall, HistoryRule, ScriptedStep } from '../../test/history-joint.ts';
import { frameIndexAudio, historyJoint } from '../../test/history-joint.ts';
import { createDecoder } from './index.ts';
import type { MaesOptions } from './maes.ts';
import { MaesTdtDecoder } from './maes.ts';

const V = 6; // tokens a..e = 0..4, blank = 5
const B = 5;
const [a, b, c, d, e] = [0, 1, 2, 3, 4] as const;
const maes = (o: Partial<MaesOptions> = {}): MaesTdtDecoder => new MaesTdtDecoder({ ...MAES_DEFAULTS, beamWidth: 2, ...o });
const ctx = (rule: HistoryRule, log?: HistoryCall[]) => ({ joint: historyJoint(V, rule, log), blankId: B, maxTokensPerStep: 10 });
const sure = (token: number, durationIdx: number): ScriptedStep => ({ tokens: { [token]: 1 }, durations: { [durationIdx]: 1 } });
const same = (h: readonly number[], ...tokens: number[]): boolean => h.join() === [B, ...tokens].join();

describe('MaesTdtDecoder: scripted joint', () => {
  it('beam width 1 reproduces greedy on random joints without zero durations', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      // Deterministic pseudo-random distributions per (frame, history), durations 1..4 only.
      const rand = (frame: number, h: readonly number[], salt: number): number => {
        let x = h.reduce((s, t) => (Math.imul(s, 31) + t + 1) | 0, (seed * 7919 + frame * 104729 + salt * 1299709) | 0);
        x = Math.imul(x ^ (x >>> 15), 2246822507);
        x = Math.imul(x ^ (x >>> 13), 3266489909);
        return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
      };
      const rule: HistoryRule = (f, h) => ({
        tokens: Object.fromEntries(Array.from({ length: V }, (_, k) => [k, 0.05 + rand(f, h, k)])),
        durations: { 1: 0.1 + rand(f, h, 10), 2: 0.01 + rand(f, h, 11), 3: 0.01 + rand(f, h, 12), 4: 0.01 + rand(f, h, 13) },
      });
      const audio = frameIndexAudio(30);
      const greedy = await new GreedyTdtDecoder().decode(audio, ctx(rule));
      const beam1 = await maes({ beamWidth: 1 }).decode(audio, ctx(rule));
      expect(greedy.tokens.length).toBeGreaterThan(3);
      expect({ seed, tokens: beam1.tokens, frames: beam1.frames, durations: beam1.durations }).toEqual({
        seed,
        tokens: greedy.tokens,
        frames: greedy.frames,
        durations: greedy.durations,
      });
    }
  });

  it('merges hypotheses reaching the same (tokens, frame) with logaddexp, which changes the winner', async () => {
    // Frame 0: blank or `a`, each with duration 1 or 2 -> [B]@1 .3, [B]@2 .3, [B a]@1 .2, [B a]@2 .2.
    // Frame 1: [B] takes blank+1 and lands on [B]@2 again (merged: .6); [B a] emits c and jumps away.
    // Frame 2: everyone emits c. Merged [B c] = ln(.6)/2 = -0.26 beats [B a c] = ln(.2)/3 = -0.54;
    // without the merge [B c] would be ln(.3)/2 = -0.60 and lose.
    const rule: HistoryRule = (f, h) => {
      if (f === 0) return { tokens: { [a]: 0.4, [B]: 0.6 }, durations: { 1: 0.5, 2: 0.5 } };
      if (f === 1) return same(h, a) ? sure(c, 4) : sure(B, 1);
      return f === 2 ? sure(c, 4) : sure(B, 1);
    };
    const r = await maes({ beamWidth: 4, expansionBeta: 1 }).decode(frameIndexAudio(4), ctx(rule));
    expect(r.tokens).toEqual([c]);
    expect(r.frames).toEqual([2]);
  });

  it('a wider beam keeps the hypothesis that is second best early and best at the end', async () => {
    const rule: HistoryRule = (f, h) => {
      if (f === 0) return { tokens: { [a]: 0.6, [b]: 0.4 }, durations: { 1: 1 } };
      if (same(h, a)) return { tokens: { [c]: 0.3, [d]: 0.25, [e]: 0.2, [B]: 0.25 }, durations: { 1: 1 } };
      return same(h, b) ? sure(c, 1) : sure(B, 1);
    };
    const audio = frameIndexAudio(2);
    const greedy = await new GreedyTdtDecoder().decode(audio, ctx(rule));
    const narrow = await maes({ beamWidth: 1 }).decode(audio, ctx(rule));
    const wide = await maes({ beamWidth: 2 }).decode(audio, ctx(rule));
    expect(greedy.tokens).toEqual([a, c]);
    expect(narrow.tokens).toEqual([a, c]);
    expect(wide.tokens).toEqual([b, c]);
  });

  it('prunes expansions more than expansionGamma below the best one', async () => {
    // ln(P(a)/P(b)) = 2.4: b is expanded with gamma 2.5 and never scored with gamma 2.3.
    const rule: HistoryRule = (f) => (f === 0 ? { tokens: { [a]: 1, [b]: Math.exp(-2.4) }, durations: { 1: 1 } } : sure(B, 1));
    const scored = async (gamma: number): Promise<boolean> => {
      const log: HistoryCall[] = [];
      await maes({ expansionGamma: gamma }).decode(frameIndexAudio(3), ctx(rule, log));
      return log.some((l) => same(l.history, b));
    };
    expect(await scored(2.5)).toBe(true);
    expect(await scored(2.3)).toBe(false);
  });

  it('re-expands zero-duration tokens on the same frame up to numSteps, then closes them with blank', async () => {
    // On frame 0 the joint emits a (duration 0), then c (duration 0), then blank (duration 1).
    const rule: HistoryRule = (f, h) => {
      if (f > 0) return sure(B, 1);
      if (same(h)) return sure(a, 0);
      return same(h, a) ? sure(c, 0) : sure(B, 1);
    };
    const run = (numSteps: number) => maes({ numSteps }).decode(frameIndexAudio(3), ctx(rule));
    const one = await run(1);
    expect([one.tokens, one.frames]).toEqual([[a], [0]]);
    const two = await run(2);
    expect([two.tokens, two.frames]).toEqual([[a, c], [0, 0]]);
    const three = await run(3);
    expect([three.tokens, three.frames]).toEqual([[a, c], [0, 0]]);
  });

  it('runs all hypotheses of a step as one batched call and reports batch and pool statistics', async () => {
    const log: HistoryCall[] = [];
    const rule: HistoryRule = () => ({ tokens: { [a]: 0.3, [b]: 0.3, [B]: 0.4 }, durations: { 1: 0.6, 2: 0.4 } });
    const r = await maes({ beamWidth: 3 }).decode(frameIndexAudio(8), ctx(rule, log));
    const calls = new Map<number, HistoryCall[]>();
    for (const l of log) calls.set(l.call, [...(calls.get(l.call) ?? []), l]);
    expect(r.decoderCalls).toBe(calls.size);
    expect(r.meanDecoderBatch).toBeCloseTo(log.length / calls.size, 12);
    expect(r.meanDecoderBatch).toBeGreaterThan(1.5);
    expect(r.meanLiveHypotheses).toBeGreaterThan(1);
    expect(r.meanLiveHypotheses).toBeLessThanOrEqual(3 + 1);
    const perFrame = new Map<number, number>();
    for (const rows of calls.values()) {
      expect(new Set(rows.map((x) => x.frame)).size).toBe(1);
      expect(new Set(rows.map((x) => x.history.join())).size).toBe(rows.length);
      perFrame.set(rows[0]!.frame, (perFrame.get(rows[0]!.frame) ?? 0) + 1);
    }
    // No zero durations: exactly one call per visited frame.
    expect(Math.max(...perFrame.values())).toBe(1);
  });

  it('decodes an empty clip to nothing without calling the joint', async () => {
    const log: HistoryCall[] = [];
    const r = await maes().decode(frameIndexAudio(0), ctx(() => sure(a, 1), log));
    expect(r).toMatchObject({ tokens: [], frames: [], decoderCalls: 0 });
    expect(log).toEqual([]);
  });

  it('is what createDecoder builds for kind maes', async () => {
    const dec = createDecoder({ kind: 'maes', ...MAES_DEFAULTS, beamWidth: 2 });
    expect(dec).toBeInstanceOf(MaesTdtDecoder);
    const r = await dec.decode(frameIndexAudio(3), ctx((f) => (f === 1 ? sure(d, 1) : sure(B, 1))));
    expect([r.tokens, r.frames]).toEqual([[d], [1]]);
  });

  it('refuses a beam wider than the vocabulary, naming the settings to change', async () => {
    await expect(maes({ beamWidth: 4, expansionBeta: 2 }).decode(frameIndexAudio(2), ctx(() => sure(B, 1)))).rejects.toThrow(
      /maes: beamWidth \(4\) \+ expansionBeta \(2\) = 6 exceeds the 5 non-blank tokens of the vocabulary; lower beamWidth or expansionBeta/,
    );
  });

  it('refuses a duration set that cannot advance', () => {
    expect(() => new MaesTdtDecoder({ ...MAES_DEFAULTS, beamWidth: 1 }, [0])).toThrow(/durations \[0\] have no non-zero value/);
  });
});
