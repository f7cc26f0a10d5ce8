import type { EncodedAudio } from '../model/acoustic.ts';
import type { DecoderJoint } from './decoder-joint.ts';

/** Token ids with the encoder frame each was emitted at. */
export interface DecodeResult {
  readonly tokens: number[];
  readonly frames: number[];
  readonly decoderCalls: number;
  /** Mean rows per decoder_joint call (1 for greedy). */
  readonly meanDecoderBatch: number;
  /** Mean live hypotheses per frame (beam search only). */
  readonly meanLiveHypotheses?: number;
}

/** What every decoder needs besides the encoder output. */
export interface DecodeContext {
  readonly joint: DecoderJoint;
  readonly blankId: number;
  readonly maxTokensPerStep: number;
}

/** A TDT decoding algorithm over one clip's encoder output. */
export interface TokenDecoder {
  decode(enc: EncodedAudio, ctx: DecodeContext): Promise<DecodeResult>;
}

/** Index of the largest value (first on ties, like numpy.argmax). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  }
  return best;
}
