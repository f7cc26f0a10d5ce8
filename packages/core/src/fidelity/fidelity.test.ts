import { describe, expect, it } from 'vitest';
import { frameIndexAudio, historyJoint } from '../../test/history-joint.ts';
import type { HistoryRule } from '../../test/history-joint.ts';
import { GreedyTdtDecoder } from '../decode/greedy.ts';
import type { EncodedAudio } from '../model/acoustic.ts';
import { planSections } from '../protocol/sections.ts';
import { encoderFidelity } from './encoder-fidelity.ts';
import { encoderFidelitySchema, worstCosine } from './fidelity-schema.ts';
import { agreementAlong, greedyPath } from './joint-agreement.ts';
import { addFrames, noSums, similarityOf } from './similarity.ts';

const audio = (rows: number[][]): EncodedAudio => ({ data: Float32Array.from(rows.flat()), dim: rows[0]!.length, frames: rows.length, length: rows.length });
const sim = (a: EncodedAudio, b: EncodedAudio) => similarityOf(addFrames(noSums(), a, b, 0, Math.min(a.length, b.length)));

describe('span similarity', () => {
  it('is exactly 1 (relL2 0) for identical outputs, whatever their values', () => {
    const rows = Array.from({ length: 50 }, (_, t) => [Math.sin(t) * 1e3, 1 / (t + 3), -0.1 * t, Math.PI]);
    expect(sim(audio(rows), audio(rows))).toEqual({ frames: 50, cosine: 1, relL2: 0 });
  });

  it('gives cosine 1 for a scaled copy with relL2 = |k - 1|, 0 for orthogonal outputs, -1 for negated', () => {
    const b = audio([[1, 2], [3, -4]]);
    const s = sim(audio([[2, 4], [6, -8]]), b);
    expect(s.cosine).toBeCloseTo(1, 12);
    expect(s.relL2).toBeCloseTo(1, 12);
    expect(sim(audio([[2, -1], [4, 3]]), b).cosine).toBeCloseTo(0, 12);
    expect(sim(audio([[-1, -2], [-3, 4]]), b)).toMatchObject({ cosine: -1, relL2: 2 });
  });

  it('defines the zero cases instead of dividing by zero', () => {
    const zero = audio([[0, 0]]);
    expect(sim(zero, zero)).toEqual({ frames: 1, cosine: 1, relL2: 0 });
    expect(sim(audio([[1, 0]]), zero)).toEqual({ frames: 1, cosine: 0, relL2: null });
    expect(sim(zero, audio([[1, 0]]))).toEqual({ frames: 1, cosine: 0, relL2: 1 });
  });
});

describe('encoderFidelity', () => {
  // 80 ms frames: 150 s = 1875 frames; the variant's output drifts more in later frames.
  const frameSec = 0.08;
  const n = 1875;
  const oracle = audio(Array.from({ length: n }, (_, t) => [1 + (t % 7), 2, (t % 3) - 1]));
  const own = audio(Array.from({ length: n }, (_, t) => [1 + (t % 7) + (t >= 750 ? 0.5 * Math.cos(t) : 0), 2, (t % 3) - 1]));
  const sections = planSections(n * frameSec, 60);
  const agreement = [Array.from({ length: 100 }, (_, k) => ({ frame: k * 18, agreed: k * 18 < 750 || k % 2 === 0 }))];
  const f = encoderFidelity({ oracleVariant: 'fp32', runtime: 'test', own: [own], oracle: [oracle], agreement, sections, frameSec });

  it('splits a long pass into the protocol sections (frames by their timestamps) and 10 s windows', () => {
    expect(encoderFidelitySchema.safeParse(f).success).toBe(true);
    expect(f.sections!.map((s) => [s.startSec, s.endSec, s.frames])).toEqual([[0, 60, 750], [60, 120, 750], [120, 150, 375]]);
    expect(f.sections![0]).toMatchObject({ cosine: 1, relL2: 0, decoderCalls: 42, agreedCalls: 42 });
    expect(f.sections![1]!.cosine).toBeLessThan(0.999);
    expect(f.sections![1]!.agreedCalls).toBeLessThan(f.sections![1]!.decoderCalls);
    expect(f.windowSec).toBe(10);
    expect(f.windows).toHaveLength(15);
    expect(f.windows![0]).toMatchObject({ startSec: 0, endSec: 10, frames: 125, cosine: 1 });
    expect(f.windows!.slice(6).every((w) => w.cosine < 1)).toBe(true);
    expect(f.overall).toMatchObject({ frames: n, decoderCalls: 100 });
    expect(worstCosine(f).section?.index).toBeGreaterThan(0);
  });

  it('compares corpus clips together, without sections, and refuses outputs of different models', () => {
    const c = encoderFidelity({ oracleVariant: 'fp32', runtime: 'test', own: [oracle, own], oracle: [oracle, oracle], agreement: [[], []], frameSec });
    expect(c.sections).toBeUndefined();
    expect(c.overall.frames).toBe(2 * n);
    expect(worstCosine(c)).toEqual({ cosine: c.overall.cosine });
    expect(() => encoderFidelity({ oracleVariant: 'fp32', runtime: 't', own: [audio([[1]])], oracle: [oracle], agreement: [[]], frameSec })).toThrow(
      'clip 0: encoder outputs have 1 and 3 channels; the variant and the oracle are not the same model',
    );
    expect(() => encoderFidelity({ oracleVariant: 'fp32', runtime: 't', own: [oracle], oracle: [oracle, oracle], agreement: [[]], frameSec })).toThrow('1 clips of the variant against 2 of the oracle');
  });
});

describe('joint agreement along the oracle greedy path', () => {
  // Token = frame value mod 3 when the frame is a multiple of 4 (0 = the "noise" token), else blank;
  // duration 0 on odd histories so some frames take two calls; blank = 3.
  const rule: HistoryRule = (frame, history) => {
    const emit = frame % 4 === 0;
    const token = emit ? frame % 3 : 3;
    const duration = emit && history.length % 2 === 1 ? 0 : 1;
    return { tokens: { [token]: 0.9 }, durations: { [duration]: 0.9 } };
  };
  const rules = { blankId: 3, maxTokensPerStep: 2 };

  it('records exactly the calls and decisions of GreedyTdtDecoder', async () => {
    const enc = frameIndexAudio(40);
    const path = await greedyPath(historyJoint(4, rule), enc, rules);
    const greedy = await new GreedyTdtDecoder(2).decode(enc, { joint: historyJoint(4, rule), blankId: 3, maxTokensPerStep: 2 });
    expect(path).toHaveLength(greedy.decoderCalls);
    const emitted = path.filter((c) => c.token !== 3);
    expect(emitted.map((c) => c.token)).toEqual(greedy.tokens);
    expect(emitted.map((c) => c.frame)).toEqual(greedy.frames);
    expect(path.some((c, k) => k > 0 && c.frame === path[k - 1]!.frame)).toBe(true);
  });

  it('agrees everywhere on the same frames, and disagrees exactly where the variant moved a frame', async () => {
    const joint = historyJoint(4, rule);
    const enc = frameIndexAudio(40);
    const path = await greedyPath(joint, enc, rules);
    expect((await agreementAlong(joint, path, enc)).every(Boolean)).toBe(true);
    // Frame 8 of the variant reads as 9: no token there; frame 9 reads as 8 (not on the path's decisions).
    const moved = { ...enc, data: Float32Array.from(enc.data, (v) => (v === 8 ? 9 : v === 9 ? 8 : v)) };
    const agreed = await agreementAlong(joint, path, moved);
    const wrong = path.filter((_, k) => !agreed[k]).map((c) => c.frame);
    expect(new Set(wrong)).toEqual(new Set([8, 9].filter((t) => path.some((c) => c.frame === t))));
    const short = { ...enc, length: 20 };
    expect((await agreementAlong(joint, path, short)).filter((a) => !a)).toHaveLength(path.filter((c) => c.frame >= 20).length);
  });
});
