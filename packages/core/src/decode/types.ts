import type { EncodedAudio } from '../model/acoustic.ts';
import type { DecoderJoint } from './decoder-joint.ts';

/** Token ids with the encoder frame each was emitted at. */
export interface DecodeResult {
  readonly tokens: number[];
  readonly frames: number[];
  /**
   * TDT duration of each emitted token: the frames the decoder advanced after it (0 = the next token
   * came on the same frame). Word end times come from it; absent for a decoder that does not track it.
   */
  readonly durations?: number[];
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
  return argmaxIn(values, 0, values.length);
}

/** Index (relative to `from`) of the largest of values[from..to), first on ties: argmax without a view. */
export function argmaxIn(values: ArrayLike<number>, from: number, to: number): number {
  let best = from;
  let bestValue = -Infinity;
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  }
  return best - from;
}
