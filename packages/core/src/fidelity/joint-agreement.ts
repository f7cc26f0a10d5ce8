/**
 * Joint decision agreement, the encoder half of "does this variant decide like the oracle": the
 * oracle's greedy path (its encoder output through its decoder_joint) is recorded call by call, then
 * the SAME decoder_joint is run on every call of that path again with the variant's encoder frame in
 * place of the oracle's (same target, same prediction-network state). A call agrees when its argmax
 * token and argmax duration are the oracle's. The oracle's decoder isolates the encoder: a variant's
 * own (int8, fp16) decoder is not what this measures.
 */
import type { DecoderJoint, DecoderState } from '../decode/decoder-joint.ts';
import { TDT_DURATIONS } from '../decode/decoder-joint.ts';
import { nextFrame } from '../decode/greedy.ts';
import { argmax } from '../decode/types.ts';
import type { EncodedAudio } from '../model/acoustic.ts';
import { encoderFrame } from '../model/acoustic.ts';

/** One decoder_joint call of the oracle's greedy path. */
export interface PathCall {
  readonly frame: number;
  readonly target: number;
  readonly state: DecoderState;
  /** The oracle's argmax token and duration index at this call. */
  readonly token: number;
  readonly duration: number;
}

/** The greedy decoding rules the path follows. */
export interface PathRules {
  readonly blankId: number;
  readonly maxTokensPerStep: number;
}

/** Records greedy TDT on `enc` call by call (the same decisions as GreedyTdtDecoder, which the tests check). */
export async function greedyPath(joint: DecoderJoint, enc: EncodedAudio, rules: PathRules): Promise<PathCall[]> {
  const calls: PathCall[] = [];
  let state = joint.initialState();
  let target = rules.blankId;
  let emitted = 0;
  for (let t = 0; t < enc.length; ) {
    const [out] = await joint.step([{ frame: encoderFrame(enc, t), target, state }]);
    const token = argmax(out!.tokenLogits);
    const duration = argmax(out!.durationLogits);
    calls.push({ frame: t, target, state, token, duration });
    if (token !== rules.blankId) {
      state = out!.state;
      target = token;
      emitted++;
    }
    const next = nextFrame(t, TDT_DURATIONS[duration] ?? 1, token === rules.blankId, emitted, rules.maxTokensPerStep);
    if (next !== t) emitted = 0;
    t = next;
  }
  return calls;
}

/** Rows per batched decoder_joint call of the replay. */
const REPLAY_BATCH = 64;

/**
 * Replays `path` with the variant's encoder frames and says, per call, whether the decision stayed
 * the oracle's. Calls past the variant's valid frames disagree.
 */
export async function agreementAlong(joint: DecoderJoint, path: readonly PathCall[], variant: EncodedAudio): Promise<boolean[]> {
  const agreed: boolean[] = [];
  for (let at = 0; at < path.length; at += REPLAY_BATCH) {
    const chunk = path.slice(at, at + REPLAY_BATCH);
    const inRange = chunk.filter((c) => c.frame < variant.length);
    const steps = inRange.length ? await joint.step(inRange.map((c) => ({ frame: encoderFrame(variant, c.frame), target: c.target, state: c.state }))) : [];
    let k = 0;
    for (const c of chunk) {
      if (c.frame >= variant.length) {
        agreed.push(false);
        continue;
      }
      const s = steps[k++]!;
      agreed.push(argmax(s.tokenLogits) === c.token && argmax(s.durationLogits) === c.duration);
    }
  }
  return agreed;
}
