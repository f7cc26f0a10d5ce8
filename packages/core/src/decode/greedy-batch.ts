/**
 * Batched greedy TDT decoding (throughput mode), in the manner of NeMo's label-looping batched
 * greedy decoder: every live utterance sits at its own frame, ONE decoder_joint call per step scores
 * all of them, each row then follows exactly the rules of {@link GreedyTdtDecoder} (states adopted
 * only on non-blank tokens, durations, max tokens per frame), and utterances that reach their last
 * frame leave the batch. Tokens and frames equal batch-1 decoding whenever the joint network scores
 * a row the same alone as in a batch.
 */
import type { EncodedAudio } from '../model/acoustic.ts';
import { TDT_DURATIONS } from './decoder-joint.ts';
import type { DecodeContext, DecodeResult } from './types.ts';
import { argmaxIn } from './types.ts';

/** Per-utterance progress of a batched decode. */
interface Lane {
  readonly enc: EncodedAudio;
  t: number;
  emitted: number;
  /** Steps this utterance took part in (its batch-1 decoder calls). */
  calls: number;
  /** Frame currently copied into its row (-1: none). */
  loaded: number;
  readonly tokens: number[];
  readonly frames: number[];
  /** TDT duration of each emitted token, in frames (word end times come from it). */
  readonly durations: number[];
}

/**
 * Decodes `encs` together; results come back in input order. `decoderCalls` of each result counts
 * the steps its utterance took part in (what batch 1 would have called); the joint's own counters
 * hold the calls actually made.
 */
export async function greedyDecodeBatch(encs: readonly EncodedAudio[], ctx: DecodeContext, maxTokensPerStep?: number): Promise<DecodeResult[]> {
  const { joint, blankId } = ctx;
  const maxPerStep = maxTokensPerStep ?? ctx.maxTokensPerStep;
  const V = joint.vocabSize;
  const width = V + TDT_DURATIONS.length;
  const lanes: Lane[] = encs.map((enc) => ({ enc, t: 0, emitted: 0, calls: 0, loaded: -1, tokens: [], frames: [], durations: [] }));
  let live = lanes.filter((l) => l.enc.length > 0);
  const calls0 = joint.calls;
  const rows0 = joint.rows;
  if (live.length > 0) {
    const bind = joint.greedyBatch(live.length);
    const { frames, targets, logits } = bind;
    bind.reset(live.length, blankId);
    while (live.length > 0) {
      const b = live.length;
      for (let r = 0; r < b; r++) {
        const lane = live[r]!;
        if (lane.loaded === lane.t) continue;
        const dim = lane.enc.dim;
        frames.set(lane.enc.data.subarray(lane.t * dim, (lane.t + 1) * dim), r * dim);
        lane.loaded = lane.t;
      }
      await bind.run(b);
      let done = 0;
      for (let r = 0; r < b; r++) {
        const lane = live[r]!;
        const at = r * width;
        const token = argmaxIn(logits, at, at + V);
        const step = TDT_DURATIONS[argmaxIn(logits, at + V, at + width)] ?? 1;
        lane.calls++;
        if (token !== blankId) {
          bind.adoptState(r, b);
          targets[r] = token;
          lane.tokens.push(token);
          lane.frames.push(lane.t);
          lane.durations.push(step);
          lane.emitted++;
        }
        if (step > 0) {
          lane.t += step;
          lane.emitted = 0;
        } else if (token === blankId || lane.emitted === maxPerStep) {
          lane.t += 1;
          lane.emitted = 0;
        }
        if (lane.t >= lane.enc.length) done++;
      }
      if (done === 0) continue;
      const keep: number[] = [];
      live.forEach((lane, r) => {
        if (lane.t < lane.enc.length) keep.push(r);
      });
      bind.compact(keep, b);
      const before = live;
      live = keep.map((r) => before[r]!);
    }
  }
  const calls = joint.calls - calls0;
  const meanDecoderBatch = calls > 0 ? (joint.rows - rows0) / calls : 0;
  return lanes.map((l) => ({ tokens: l.tokens, frames: l.frames, durations: l.durations, decoderCalls: l.calls, meanDecoderBatch }));
}
