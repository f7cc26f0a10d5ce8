import type { EncodedAudio } from '../model/acoustic.ts';
import { encoderFrame } from '../model/acoustic.ts';
import { TDT_DURATIONS } from './decoder-joint.ts';
import type { DecodeContext, DecodeResult, TokenDecoder } from './types.ts';
import { argmax } from './types.ts';

/**
 * Greedy TDT decoding exactly as onnx-asr (and NeMo's GreedyTDTInfer): the prediction-network state
 * is adopted only when a non-blank token is emitted; a zero duration keeps the frame unless the token
 * was blank or max_tokens_per_step tokens were already emitted on it.
 */
export class GreedyTdtDecoder implements TokenDecoder {
  constructor(private readonly maxTokensPerStep?: number) {}

  async decode(enc: EncodedAudio, ctx: DecodeContext): Promise<DecodeResult> {
    const { joint, blankId } = ctx;
    const maxPerStep = this.maxTokensPerStep ?? ctx.maxTokensPerStep;
    const tokens: number[] = [];
    const frames: number[] = [];
    let state = joint.initialState();
    let target = blankId;
    let emitted = 0;
    let calls = 0;
    for (let t = 0; t < enc.length; ) {
      const [out] = await joint.step([{ frame: encoderFrame(enc, t), target, state }]);
      calls++;
      const token = argmax(out!.tokenLogits);
      const step = TDT_DURATIONS[argmax(out!.durationLogits)] ?? 1;
      if (token !== blankId) {
        state = out!.state;
        target = token;
        tokens.push(token);
        frames.push(t);
        emitted++;
      }
      if (step > 0) {
        t += step;
        emitted = 0;
      } else if (token === blankId || emitted === maxPerStep) {
        t += 1;
        emitted = 0;
      }
    }
    return { tokens, frames, decoderCalls: calls, meanDecoderBatch: 1 };
  }
}
