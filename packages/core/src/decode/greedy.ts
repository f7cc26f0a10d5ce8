import type { EncodedAudio } from '../model/acoustic.ts';
import { TDT_DURATIONS } from './decoder-joint.ts';
import type { DecodeContext, DecodeResult, TokenDecoder } from './types.ts';
import { argmaxIn } from './types.ts';

/**
 * Greedy TDT's frame rule (onnx-asr, NeMo): a nonzero duration skips that many frames; a zero one
 * stays on the frame unless the token was blank or `maxPerStep` tokens were emitted on it. The frame
 * counter `emitted` restarts whenever the result differs from `t`.
 */
export function nextFrame(t: number, duration: number, blank: boolean, emitted: number, maxPerStep: number): number {
  if (duration > 0) return t + duration;
  return blank || emitted === maxPerStep ? t + 1 : t;
}

/**
 * Greedy TDT decoding exactly as onnx-asr (and NeMo's GreedyTDTInfer): the prediction-network state
 * is adopted only when a non-blank token is emitted; a zero duration keeps the frame unless the token
 * was blank or max_tokens_per_step tokens were already emitted on it.
 *
 * The loop runs on the joint's bound batch-1 buffers: per call it copies one encoder frame (only when
 * the frame changes) and one target, and adopting a state is a buffer swap, so nothing is allocated
 * per step (see GreedyJointLoop).
 */
export class GreedyTdtDecoder implements TokenDecoder {
  constructor(private readonly maxTokensPerStep?: number) {}

  async decode(enc: EncodedAudio, ctx: DecodeContext): Promise<DecodeResult> {
    const { joint, blankId } = ctx;
    const maxPerStep = this.maxTokensPerStep ?? ctx.maxTokensPerStep;
    const loop = joint.greedyLoop();
    loop.reset();
    const { frame, target, logits } = loop;
    const V = joint.vocabSize;
    const width = V + TDT_DURATIONS.length;
    const dim = enc.dim;
    const tokens: number[] = [];
    const frames: number[] = [];
    const durations: number[] = [];
    target[0] = blankId;
    let loaded = -1;
    let emitted = 0;
    let calls = 0;
    for (let t = 0; t < enc.length; ) {
      if (t !== loaded) {
        frame.set(enc.data.subarray(t * dim, (t + 1) * dim));
        loaded = t;
      }
      await loop.run();
      calls++;
      const token = argmaxIn(logits, 0, V);
      const step = TDT_DURATIONS[argmaxIn(logits, V, width)] ?? 1;
      if (token !== blankId) {
        loop.adoptState();
        target[0] = token;
        tokens.push(token);
        frames.push(t);
        durations.push(step);
        emitted++;
      }
      const next = nextFrame(t, step, token === blankId, emitted, maxPerStep);
      if (next !== t) emitted = 0;
      t = next;
    }
    return { tokens, frames, durations, decoderCalls: calls, meanDecoderBatch: 1 };
  }
}
