import type { EncodedAudio } from '../model/acoustic.ts';
import { encoderFrame } from '../model/acoustic.ts';
import type { DecoderJoint } from './decoder-joint.ts';
import type { TokenNode } from './maes-hypothesis.ts';

/**
 * Joint output of one token sequence on one frame. Logits stay raw (views into the batch output) and
 * log-softmax is applied on read as `logit - lse`: it saves a V-sized copy per row, which dominates
 * on the real 8193-token vocabulary.
 */
export interface JointScores {
  readonly tokenLogits: Float32Array;
  /** log-sum-exp of `tokenLogits`. */
  readonly tokenLse: number;
  readonly durationLogits: Float32Array;
  /** log-sum-exp of `durationLogits`. */
  readonly durationLse: number;
}

/** Log-probability of emitting `token` with the duration at `durationIdx` (log-softmax of both heads). */
export const pairLogProb = (s: JointScores, token: number, durationIdx: number): number =>
  s.tokenLogits[token]! - s.tokenLse + (s.durationLogits[durationIdx]! - s.durationLse);

/** log(sum(exp(x))) of a row, shifted by its max for stability. */
export function logSumExp(x: Float32Array): number {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i]! > m) m = x[i]!;
  if (m === -Infinity) return m;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.exp(x[i]! - m);
  return m + Math.log(s);
}

/**
 * Indices of the `k` largest values, largest first; equal values keep index order (the order a
 * stable descending sort gives). Writes into `outIdx`/`outVal` so the hot loop allocates nothing.
 */
export function topK(values: ArrayLike<number>, k: number, outIdx: Int32Array, outVal: Float64Array): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (n === k && v <= outVal[k - 1]!) continue;
    let j = n < k ? n++ : k - 1;
    while (j > 0 && outVal[j - 1]! < v) {
      outVal[j] = outVal[j - 1]!;
      outIdx[j] = outIdx[j - 1]!;
      j--;
    }
    outVal[j] = v;
    outIdx[j] = i;
  }
  return n;
}

/**
 * Scores token sequences on the current frame. The ONNX export fuses prediction network and joint,
 * so NeMo's per-sequence decoder-output cache becomes a per-(sequence, frame) cache of joint outputs:
 * prefix search and the first MAES step ask for the same rows, and only rows not seen yet on this
 * frame go into the ONE batched decoder_joint call of each request.
 */
export class FrameScorer {
  /** decoder_joint calls and rows issued, for decode statistics. */
  calls = 0;
  rows = 0;
  private frame = -1;
  private readonly cache = new Map<TokenNode, JointScores>();

  constructor(
    private readonly joint: DecoderJoint,
    private readonly enc: EncodedAudio,
  ) {}

  /** Makes sure every node has scores on frame `t`, with at most one batched call. */
  async score(t: number, nodes: readonly TokenNode[]): Promise<void> {
    if (t !== this.frame) {
      this.cache.clear();
      this.frame = t;
    }
    const todo: TokenNode[] = [];
    for (const n of nodes) if (!this.cache.has(n) && !todo.includes(n)) todo.push(n);
    if (todo.length === 0) return;
    const b = todo.length;
    const rows = this.joint.batch(b);
    const { frames, targets } = rows;
    const D = this.enc.dim;
    frames.set(encoderFrame(this.enc, t));
    for (let r = 1; r < b; r++) frames.copyWithin(r * D, 0, D);
    for (let r = 0; r < b; r++) {
      const n = todo[r]!;
      targets[r] = n.token;
      rows.setState(r, n.state);
    }
    const out = await rows.run();
    const width = this.joint.checkWidth(out.logits, b);
    const V = this.joint.vocabSize;
    this.calls++;
    this.rows += b;
    for (let r = 0; r < b; r++) {
      const n = todo[r]!;
      // The prediction network ignores the encoder frame, so the first call's output state is the
      // state after this token on every frame; only that first one is copied out of the batch.
      n.next ??= rows.copyState(out, r);
      // Views into this call's fresh output: nothing V-sized is copied, and log-softmax is applied on
      // read (logit - lse), so each row costs one max + exp-sum pass over its V logits.
      const tokenLogits = out.logits.subarray(r * width, r * width + V);
      const durationLogits = out.logits.subarray(r * width + V, (r + 1) * width);
      this.cache.set(n, { tokenLogits, tokenLse: logSumExp(tokenLogits), durationLogits, durationLse: logSumExp(durationLogits) });
    }
  }

  /** Scores of a node already passed to {@link score} on the current frame. */
  get(node: TokenNode): JointScores {
    const s = this.cache.get(node);
    if (!s) throw new Error(`maes: internal error: node ${node.id} was not scored on frame ${this.frame}`);
    return s;
  }
}
