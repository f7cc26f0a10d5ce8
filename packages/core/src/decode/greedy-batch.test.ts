import { describe, expect, it } from 'vitest';
import type { EncodedAudio } from '../model/acoustic.ts';
import { historyJoint } from '../../test/history-joint.ts';
import type { HistoryCall, ScriptedStep } from '../../test/history-joint.ts';
import { greedyDecodeBatch } from './greedy-batch.ts';
import { GreedyTdtDecoder } from './greedy.ts';

const V = 6; // tokens 0..4 + blank 5
const BLANK = 5;

/** Clip u's frame t holds 1000 u + t, so rows of different clips never look alike to the joint. */
function clip(u: number, length: number): EncodedAudio {
  return { data: Float32Array.from({ length }, (_, t) => 1000 * u + t), dim: 1, frames: length, length };
}

/** A deterministic, history-dependent rule with emissions, duration-0 runs and long skips. */
function rule(frame: number, history: readonly number[]): ScriptedStep {
  let h = Math.imul(frame + 7, 2654435761) >>> 0;
  for (const x of history) h = Math.imul(h ^ (x + 11), 2246822519) >>> 0;
  const token = h % 3 === 0 ? BLANK : h % V;
  const duration = (h >>> 8) % 5;
  return { tokens: { [token]: 0.9 }, durations: { [duration]: 0.9 } };
}

describe('greedyDecodeBatch', () => {
  const lengths = [37, 3, 0, 120, 1, 64, 64, 9];
  const ctx = (layers: number, log?: HistoryCall[]) => ({ joint: historyJoint(V, rule, log, layers), blankId: BLANK, maxTokensPerStep: 3 });

  it('decodes every clip exactly as batch-1 greedy does (tokens, frames, calls), clips of very different lengths together', async () => {
    const clips = lengths.map((n, u) => clip(u, n));
    const single = ctx(2);
    const expected = [];
    for (const c of clips) expected.push(await new GreedyTdtDecoder().decode(c, single));
    const batched = ctx(2);
    const got = await greedyDecodeBatch(clips, batched);
    expect(got.map((r) => [r.tokens, r.frames, r.durations, r.decoderCalls])).toEqual(expected.map((r) => [r.tokens, r.frames, r.durations, r.decoderCalls]));
    expect(expected.some((r) => r.frames.some((f, i) => f === r.frames[i - 1]))).toBe(true); // duration-0 runs were exercised
    const batch1Calls = expected.reduce((a, r) => a + r.decoderCalls, 0);
    expect(batched.joint.rows).toBe(batch1Calls);
    expect(batched.joint.calls).toBeLessThan(batch1Calls / 2);
  });

  it('makes one call per step for all live clips and drops finished ones', async () => {
    const log: HistoryCall[] = [];
    const c = ctx(1, log);
    await greedyDecodeBatch([clip(0, 4), clip(1, 40)], c);
    const sizes = [...new Map(log.map((l) => [l.call, l.batch])).values()];
    expect(sizes[0]).toBe(2);
    expect(sizes[sizes.length - 1]).toBe(1);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes); // batches only shrink
  });

  it('honours maxTokensPerStep of the decoder config over the model default', async () => {
    const clips = lengths.map((n, u) => clip(u, n));
    const capped = await greedyDecodeBatch(clips, ctx(1), 1);
    const one = ctx(1);
    for (const [u, c] of clips.entries()) {
      const r = await new GreedyTdtDecoder(1).decode(c, one);
      expect([capped[u]!.tokens, capped[u]!.frames]).toEqual([r.tokens, r.frames]);
    }
  });

  it('returns empty results for no clips and for empty clips', async () => {
    expect(await greedyDecodeBatch([], ctx(1))).toEqual([]);
    const [r] = await greedyDecodeBatch([clip(0, 0)], ctx(1));
    expect(r!.tokens).toEqual([]);
  });
});
