import { describe, expect, it } from 'vitest';
import type { InferenceSession, Tensor } from '../session.ts';
import type { EncodedAudio } from '../model/acoustic.ts';
import { DecoderJoint } from './decoder-joint.ts';
import { GreedyTdtDecoder } from './greedy.ts';

const V = 4; // tokens 0..2 + blank 3
const BLANK = 3;
type Rule = (frame: number, target: number, state: number) => { token: number; duration: number };

/**
 * A scripted decoder_joint: the encoder "frame" carries its index in element 0, the state carries a
 * counter of adopted steps in element 0. The rule decides token and duration from (frame, target,
 * state), so each test states exactly what a correct harness must do.
 */
function scriptedJoint(rule: Rule, log: { frame: number; target: number; state: number; batch: number }[] = []): DecoderJoint {
  const session: InferenceSession = {
    inputs: [
      { name: 'encoder_outputs', type: 'float32', shape: ['B', 2, 1] },
      { name: 'targets', type: 'int32', shape: ['B', 1] },
      { name: 'target_length', type: 'int32', shape: ['B'] },
      { name: 'input_states_1', type: 'float32', shape: [2, 'B', 3] },
      { name: 'input_states_2', type: 'float32', shape: [2, 'B', 3] },
    ],
    outputs: [{ name: 'outputs', type: 'float32', shape: ['B', 1, 1, V + 5] }],
    async run(feeds) {
      const enc = feeds['encoder_outputs']!.data as Float32Array;
      const targets = feeds['targets']!.data as Int32Array;
      const s1 = feeds['input_states_1']!.data as Float32Array;
      const b = targets.length;
      const logits = new Float32Array(b * (V + 5));
      const o1 = new Float32Array(s1.length);
      for (let r = 0; r < b; r++) {
        const state = s1[r * 3]!; // layer 0, row r, unit 0
        const { token, duration } = rule(enc[r * 2]!, targets[r]!, state);
        log.push({ frame: enc[r * 2]!, target: targets[r]!, state, batch: b });
        logits[r * (V + 5) + token] = 10;
        logits[r * (V + 5) + V + duration] = 10;
        for (let l = 0; l < 2; l++) o1[(l * b + r) * 3] = s1[(l * b + r) * 3]! + 1;
      }
      const out: Record<string, Tensor> = {
        outputs: { type: 'float32', data: logits, dims: [b, 1, 1, V + 5] },
        output_states_1: { type: 'float32', data: o1, dims: [2, b, 3] },
        output_states_2: { type: 'float32', data: new Float32Array(s1.length), dims: [2, b, 3] },
        prednet_lengths: { type: 'int32', data: new Int32Array(b), dims: [b] },
      };
      return out;
    },
    release: async () => undefined,
  };
  return new DecoderJoint(session, V);
}

function encoded(frames: number, length = frames): EncodedAudio {
  const data = new Float32Array(frames * 2);
  for (let t = 0; t < frames; t++) data[t * 2] = t;
  return { data, dim: 2, frames, length };
}

describe('GreedyTdtDecoder', () => {
  it('emits on the frames the joint says, skips by duration, and decodes only encoded_lengths frames', async () => {
    const log: { frame: number; target: number; state: number; batch: number }[] = [];
    const joint = scriptedJoint((f) => (f % 3 === 0 ? { token: 1, duration: 2 } : { token: BLANK, duration: 1 }), log);
    const r = await new GreedyTdtDecoder().decode(encoded(12, 10), { joint, blankId: BLANK, maxTokensPerStep: 10 });
    // t=0 emit(+2) t=2 blank(+1) t=3 emit(+2) t=5 blank t=6 emit t=8 blank t=9 emit(+2) -> 11 >= 10 stops
    expect(r.frames).toEqual([0, 3, 6, 9]);
    expect(r.tokens).toEqual([1, 1, 1, 1]);
    expect(r.durations).toEqual([2, 2, 2, 2]);
    expect(log.map((l) => l.frame)).toEqual([0, 2, 3, 5, 6, 8, 9]);
  });

  it('feeds the last emitted token as target and adopts states only on non-blank tokens', async () => {
    const log: { frame: number; target: number; state: number; batch: number }[] = [];
    const joint = scriptedJoint((f) => (f === 1 || f === 4 ? { token: f === 1 ? 2 : 0, duration: 1 } : { token: BLANK, duration: 1 }), log);
    await new GreedyTdtDecoder().decode(encoded(6), { joint, blankId: BLANK, maxTokensPerStep: 10 });
    expect(log.map((l) => l.target)).toEqual([BLANK, BLANK, 2, 2, 2, 0]);
    expect(log.map((l) => l.state)).toEqual([0, 0, 1, 1, 1, 2]);
  });

  it('stays on a frame for duration 0 until blank or max_tokens_per_step', async () => {
    const joint = scriptedJoint(() => ({ token: 1, duration: 0 }));
    const r = await new GreedyTdtDecoder().decode(encoded(2), { joint, blankId: BLANK, maxTokensPerStep: 3 });
    expect(r.frames).toEqual([0, 0, 0, 1, 1, 1]);
    // The duration is the joint's (0), even where max_tokens_per_step forced the frame forward.
    expect(r.durations).toEqual([0, 0, 0, 0, 0, 0]);
    const capped = await new GreedyTdtDecoder(1).decode(encoded(2), { joint, blankId: BLANK, maxTokensPerStep: 3 });
    expect(capped.frames).toEqual([0, 1]);
  });

  it('blank with duration 0 still advances one frame', async () => {
    const joint = scriptedJoint(() => ({ token: BLANK, duration: 0 }));
    const r = await new GreedyTdtDecoder().decode(encoded(5), { joint, blankId: BLANK, maxTokensPerStep: 10 });
    expect(r.tokens).toEqual([]);
    expect(r.decoderCalls).toBe(5);
  });
});

describe('DecoderJoint', () => {
  it('batches rows and scatters per-row states back', async () => {
    const log: { frame: number; target: number; state: number; batch: number }[] = [];
    const joint = scriptedJoint((f) => ({ token: f === 0 ? 0 : 1, duration: 1 }), log);
    const s0 = joint.initialState();
    const s5 = { s1: new Float32Array(6).fill(5), s2: new Float32Array(6) };
    const out = await joint.step([
      { frame: Float32Array.of(0, 0), target: 2, state: s0 },
      { frame: Float32Array.of(7, 0), target: 1, state: s5 },
    ]);
    expect(log).toEqual([
      { frame: 0, target: 2, state: 0, batch: 2 },
      { frame: 7, target: 1, state: 5, batch: 2 },
    ]);
    expect(Array.from(out[0]!.state.s1)).toEqual([1, 0, 0, 1, 0, 0]);
    expect(Array.from(out[1]!.state.s1)).toEqual([6, 0, 0, 6, 0, 0]);
    expect(out[1]!.tokenLogits[1]).toBe(10);
    expect(joint.calls).toBe(1);
    expect(joint.rows).toBe(2);
  });

  it('refuses a vocab.txt whose size does not match the joint output', () => {
    const j = scriptedJoint(() => ({ token: 0, duration: 0 }));
    expect(() => new DecoderJoint(j.session, V + 1, 'model/decoder_joint-model.onnx')).toThrow(
      /decoder_joint-model.onnx: joint output width 9 does not match vocab.txt \(5 tokens/,
    );
  });
});
