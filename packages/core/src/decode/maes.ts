/**
 * Modified adaptive expansion search (mAES) for TDT, following NeMo's
 * `BeamTDTInfer.modified_adaptive_expansion_search` (nemo/collections/asr/parts/submodules/
 * tdt_beam_decoding.py) step by step: prefix search when duration 0 exists, up to `numSteps`
 * expansions per frame of the top `beam + beta` (token, duration) pairs pruned at `best - gamma`,
 * blank with duration 0 forced to the smallest non-zero duration, zero-duration tokens expanded again
 * on the same frame and closed with blank at the last step, merging by (tokens, last_frame) with
 * logaddexp, and final choice by score / len(tokens incl. the initial blank) with `scoreNorm`.
 *
 * Deliberate deviations from NeMo:
 * - State handling. The ONNX decoder_joint is stateless and fuses prediction network and joint, so a
 *   hypothesis carries its token sequence as a {@link TokenNode} holding the decoder state before its
 *   last token; one call per (sequence, frame) yields both the joint output and the state after the
 *   token (NeMo's `dec_out`/`dec_state`). NeMo's decoder-output cache becomes a per-frame cache of
 *   joint outputs ({@link FrameScorer}); a new token's decoder work is thus done lazily, in the
 *   batched call of the frame where the hypothesis is next scored, instead of right after expansion.
 * - Batching. NeMo runs its joint batched per step but prefix search one row at a time; here all rows
 *   a step needs (prefix search included) go into ONE `joint.step` call.
 * - Timestamps. NeMo appends `time_idx + duration` to `timestep`; we record `time_idx`, the frame the
 *   token was emitted on, as greedy does, and its duration beside it, so detokenizeWithTimestamps
 *   means the same for both.
 * - Ties. torch.topk's order among equal values is unspecified; here equal values keep index order.
 *   As in NeMo, an exact tie between blank and a token at the end of a frame goes to blank (list_b
 *   precedes list_nb in the stable sort), where greedy's argmax takes the lower id.
 * - max_tokens_per_step is not used, as in NeMo: `numSteps` bounds the tokens per frame.
 * - Arithmetic is float64 (NeMo: float32 tensors), so near-ties can resolve differently.
 * With beam width 1 this equals greedy decoding whenever no token takes duration 0; with duration-0
 * tokens the search compares whole-frame path scores and may legitimately differ from greedy.
 */
import type { EncodedAudio } from '../model/acoustic.ts';
import type { DecoderConfig } from '../schema.ts';
import { TDT_DURATIONS } from './decoder-joint.ts';
import { FrameScorer, pairLogProb } from './frame-scorer.ts';
import type { JointScores } from './frame-scorer.ts';
import type { Hypothesis } from './maes-hypothesis.ts';
import { TokenTree, bestHypothesis, hypothesisDurations, hypothesisTokens, mergeAndPrune, mergeDuplicates } from './maes-hypothesis.ts';
import { prefixSearch } from './prefix-search.ts';
import type { DecodeContext, DecodeResult, TokenDecoder } from './types.ts';
import { argmaxIn } from './types.ts';

/** mAES settings (NeMo names without the `maes_` prefix). */
export type MaesOptions = Omit<Extract<DecoderConfig, { kind: 'maes' }>, 'kind'>;

/** Per-decode scratch buffers, sized once so the per-hypothesis loop allocates nothing. */
interface Scratch {
  readonly durLogp: Float64Array;
  /** Next candidate index per duration row of the pair merge. */
  readonly heads: Int32Array;
}

/** Result lists of one expansion step (NeMo list_b, list_exp, list_nb_exp). */
interface StepLists {
  readonly blank: Hypothesis[];
  readonly sameFrame: Hypothesis[];
  readonly nextFrames: Hypothesis[];
}

/** TDT beam search, NeMo's mAES (see the file header for the deviations). */
export class MaesTdtDecoder implements TokenDecoder {
  readonly durations: readonly number[];
  private readonly zeroIdx: number;
  private readonly minNonZeroIdx: number;

  constructor(
    readonly options: MaesOptions,
    durations: readonly number[] = TDT_DURATIONS,
  ) {
    this.durations = durations;
    this.zeroIdx = durations.indexOf(0);
    let min = -1;
    durations.forEach((d, i) => {
      if (d > 0 && (min < 0 || d < durations[min]!)) min = i;
    });
    if (min < 0) throw new Error(`maes: durations [${durations.join(', ')}] have no non-zero value; a TDT model needs one to advance`);
    this.minNonZeroIdx = min;
  }

  async decode(enc: EncodedAudio, ctx: DecodeContext): Promise<DecodeResult> {
    const { joint, blankId } = ctx;
    const o = this.options;
    const maxCandidates = o.beamWidth + o.expansionBeta;
    const nonBlank = joint.vocabSize - 1;
    if (maxCandidates > nonBlank) {
      throw new Error(
        `maes: beamWidth (${o.beamWidth}) + expansionBeta (${o.expansionBeta}) = ${maxCandidates} exceeds the ${nonBlank} non-blank tokens of the vocabulary; lower beamWidth or expansionBeta in the decoder config`,
      );
    }
    const beam = Math.min(o.beamWidth, nonBlank);
    const D = this.durations.length;
    const scratch: Scratch = {
      durLogp: new Float64Array(D),
      heads: new Int32Array(D),
    };
    const tree = new TokenTree(joint.vocabSize);
    // Every scored row keeps its top maxCandidates tokens (found in the same pass as its maximum).
    const scorer = new FrameScorer(joint, enc, maxCandidates);
    let kept: Hypothesis[] = [{ node: tree.root(blankId, joint.initialState()), score: 0, lastFrame: 0, stamps: null }];
    let liveSum = 0;

    for (let t = 0; t < enc.length; t++) {
      liveSum += kept.length;
      let hyps: Hypothesis[] = [];
      const later: Hypothesis[] = [];
      for (const h of kept) {
        if (h.lastFrame === t) hyps.push(h);
        else if (h.lastFrame > t) later.push(h);
      }
      if (hyps.length === 0) continue;
      kept = later;
      // One hypothesis has no prefix pairs: its row is then scored by the first step's call instead
      // (the same call prefix search would make).
      if (this.zeroIdx >= 0 && hyps.length > 1) {
        hyps = [...hyps].sort((a, b) => b.node.depth - a.node.depth);
        const searched = prefixSearch(hyps, t, scorer, o.prefixAlpha, this.zeroIdx);
        if (searched) await searched;
      }
      const blanks: Hypothesis[] = [];
      const advanced: Hypothesis[] = [];
      for (let n = 0; n < o.numSteps; n++) {
        const pending = scorer.score(t, hyps.map((h) => h.node));
        if (pending) await pending;
        const lists: StepLists = { blank: blanks, sameFrame: [], nextFrames: [] };
        for (const h of hyps) this.expand(h, t, scorer.get(h.node), maxCandidates, blankId, tree, scratch, lists);
        advanced.push(...lists.nextFrames);
        if (lists.sameFrame.length === 0) {
          kept = mergeAndPrune([...kept, ...blanks, ...advanced], beam);
          break;
        }
        if (n < o.numSteps - 1) {
          hyps = mergeDuplicates(lists.sameFrame);
          continue;
        }
        await scorer.score(t, lists.sameFrame.map((h) => h.node));
        for (const h of lists.sameFrame) this.closeWithBlank(h, scorer.get(h.node), blankId);
        kept = mergeAndPrune([...kept, ...blanks, ...lists.sameFrame, ...advanced], beam);
      }
      tree.retain(kept);
      tree.releaseStates(kept);
    }

    const best = bestHypothesis(kept, o.scoreNorm);
    const { tokens, frames } = best ? hypothesisTokens(best) : { tokens: [], frames: [] };
    const durations = best ? hypothesisDurations(best) : [];
    return {
      tokens,
      frames,
      durations,
      decoderCalls: scorer.calls,
      meanDecoderBatch: scorer.calls > 0 ? scorer.rows / scorer.calls : 0,
      meanLiveHypotheses: enc.length > 0 ? liveSum / enc.length : 0,
    };
  }

  /** One hypothesis's top (token, duration) pairs within `gamma` of its best, sorted into `lists`. */
  private expand(
    h: Hypothesis,
    t: number,
    s: JointScores,
    maxCandidates: number,
    blankId: number,
    tree: TokenTree,
    scratch: Scratch,
    lists: StepLists,
  ): void {
    const { durLogp, heads } = scratch;
    // decode() checked maxCandidates < vocabulary size, so the scorer's top-k filled every slot.
    const { topIdx, topVal, topAt } = s;
    const D = this.durations.length;
    const durAt = s.at + s.vocabSize;
    for (let d = 0; d < D; d++) durLogp[d] = s.logits[durAt + d]! - s.durationLse;
    heads.fill(0);
    // NeMo takes the top maxCandidates of the [duration x candidate] sum matrix, then keeps those
    // >= best - gamma. Each duration row is sorted (topVal is), so a D-way merge yields the same pairs
    // in the same order (equal sums: lower flat index d * MC + j first) and can stop at the floor.
    let floor = -Infinity;
    for (let p = 0; p < maxCandidates; p++) {
      let bestD = -1;
      let logp = -Infinity;
      for (let d = 0; d < D; d++) {
        const j = heads[d]!;
        if (j >= maxCandidates) continue;
        const v = durLogp[d]! + topVal[topAt + j]! - s.tokenLse;
        if (bestD < 0 || v > logp) {
          bestD = d;
          logp = v;
        }
      }
      if (p === 0) floor = logp - this.options.expansionGamma;
      if (bestD < 0 || !(logp >= floor)) break;
      const token = topIdx[topAt + heads[bestD]!]!;
      heads[bestD]!++;
      let duration = this.durations[bestD]!;
      if (token === blankId && duration === 0) duration = this.durations[this.minNonZeroIdx]!;
      const score = h.score + logp;
      const lastFrame = h.lastFrame + duration;
      if (token === blankId) {
        lists.blank.push({ node: h.node, score, lastFrame, stamps: h.stamps });
        continue;
      }
      const child = { node: tree.child(h.node, token), score, lastFrame, stamps: { frame: t, duration, prev: h.stamps } };
      (duration === 0 ? lists.sameFrame : lists.nextFrames).push(child);
    }
  }

  /** Last step: ends a same-frame expansion with blank at its most likely (non-zero) duration. */
  private closeWithBlank(h: Hypothesis, s: JointScores, blankId: number): void {
    const durAt = s.at + s.vocabSize;
    let d = argmaxIn(s.logits, durAt, durAt + this.durations.length);
    if (d === this.zeroIdx) d = this.minNonZeroIdx;
    h.score += pairLogProb(s, blankId, d);
    h.lastFrame += this.durations[d]!;
  }
}
