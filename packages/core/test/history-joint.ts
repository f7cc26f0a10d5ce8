/**
 * Test support for the decoder tests: a scripted decoder_joint whose output depends on the
 * frame and on the WHOLE token history of a row. The history travels in the decoder state as an id
 * (input_states_1[0]), so a decoder that feeds the wrong state or target gets the wrong scores.
 */
import type { EncodedAudio } from '../src/model/acoustic.ts';
import type { InferenceSession, Tensor } from '../src/session.ts';
import { DecoderJoint } from '../src/decode/decoder-joint.ts';

/** Probabilities (need not sum to 1) per token id and per duration index; missing entries get 1e-9. */
export interface ScriptedStep {
  readonly tokens: Readonly<Partial<Record<number, number>>>;
  readonly durations: Readonly<Partial<Record<number, number>>>;
}

/** Decides one row's output from its frame and token history (initial blank included). */
export type HistoryRule = (frame: number, history: readonly number[]) => ScriptedStep;

/** One row of one call, as the fake session saw it. */
export interface HistoryCall {
  readonly call: number;
  readonly frame: number;
  readonly history: readonly number[];
  readonly batch: number;
}

const FLOOR = 1e-9;
const DURATIONS = 5;

/**
 * A {@link DecoderJoint} over a scripted session with `vocabSize` tokens (blank = last). With
 * `layers` > 1 every layer of a row carries the same history id, and a row whose layers disagree
 * (states moved between rows layer by layer wrongly) throws.
 */
export function historyJoint(vocabSize: number, rule: HistoryRule, log: HistoryCall[] = [], layers = 1): DecoderJoint {
  const histories: number[][] = [[]];
  const ids = new Map<string, number>([['', 0]]);
  const idOf = (h: number[]): number => {
    const key = h.join(',');
    let id = ids.get(key);
    if (id === undefined) {
      id = histories.push(h) - 1;
      ids.set(key, id);
    }
    return id;
  };
  let calls = 0;
  const width = vocabSize + DURATIONS;
  const session: InferenceSession = {
    inputs: [
      { name: 'encoder_outputs', type: 'float32', shape: ['B', 1, 1] },
      { name: 'targets', type: 'int32', shape: ['B', 1] },
      { name: 'target_length', type: 'int32', shape: ['B'] },
      { name: 'input_states_1', type: 'float32', shape: [layers, 'B', 1] },
      { name: 'input_states_2', type: 'float32', shape: [layers, 'B', 1] },
    ],
    outputs: [{ name: 'outputs', type: 'float32', shape: ['B', 1, 1, width] }],
    async run(feeds) {
      const frames = feeds['encoder_outputs']!.data as Float32Array;
      const targets = feeds['targets']!.data as Int32Array;
      const states = feeds['input_states_1']!.data as Float32Array;
      const b = targets.length;
      const logits = new Float32Array(b * width);
      const next = new Float32Array(layers * b);
      calls++;
      for (let r = 0; r < b; r++) {
        for (let l = 1; l < layers; l++) {
          if (states[l * b + r] !== states[r]) throw new Error(`history joint: row ${r} has state ${states[r]} in layer 0 but ${states[l * b + r]} in layer ${l}`);
        }
        const history = [...histories[states[r]!]!, targets[r]!];
        for (let l = 0; l < layers; l++) next[l * b + r] = idOf(history);
        log.push({ call: calls, frame: frames[r]!, history, batch: b });
        const step = rule(frames[r]!, history);
        for (let k = 0; k < width; k++) {
          const p = k < vocabSize ? step.tokens[k] : step.durations[k - vocabSize];
          logits[r * width + k] = Math.log(p ?? FLOOR);
        }
      }
      const out: Record<string, Tensor> = {
        outputs: { type: 'float32', data: logits, dims: [b, 1, 1, width] },
        output_states_1: { type: 'float32', data: next, dims: [layers, b, 1] },
        output_states_2: { type: 'float32', data: new Float32Array(layers * b), dims: [layers, b, 1] },
      };
      return out;
    },
    release: async () => undefined,
  };
  return new DecoderJoint(session, vocabSize);
}

/** Encoder output whose frame t holds the single value t (what the fake session reads as "frame"). */
export function frameIndexAudio(length: number): EncodedAudio {
  return { data: Float32Array.from({ length }, (_, t) => t), dim: 1, frames: length, length };
}
