import type { EncodedAudio } from '../model/acoustic.ts';
import { encoderFrame } from '../model/acoustic.ts';
import type { DecoderJoint } from './decoder-joint.ts';
import type { JointRows, JointRowsOutput } from './joint-binding.ts';
import type { TokenNode } from './maes-hypothesis.ts';
import { CandidateArena, scoreRow } from './row-scores.ts';
import type { JointScores } from './row-scores.ts';

export { logSumExp } from './log-sum-exp.ts';
export { pairLogProb, topK, type JointScores } from './row-scores.ts';

/** Scoring epochs, unique across scorers: a node's scoredEpoch is never confused between decodes. */
let epochs = 0;

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
  private epoch = 0;
  /** Nodes holding scores of the current frame (cleared on the next frame, so no output outlives it). */
  private readonly scored: TokenNode[] = [];
  private readonly arena: CandidateArena;

  /** `candidates`: how many top tokens each row keeps (beam search: beam + beta). */
  constructor(
    private readonly joint: DecoderJoint,
    private readonly enc: EncodedAudio,
    candidates = 1,
  ) {
    this.arena = new CandidateArena(Math.min(Math.max(1, candidates), joint.vocabSize));
  }

  /**
   * Makes sure every node has scores on frame `t`, with at most one batched call. Returns the pending
   * call, or undefined when every node was already scored (no promise, no microtask).
   */
  score(t: number, nodes: readonly TokenNode[]): Promise<void> | undefined {
    if (t !== this.frame) {
      this.frame = t;
      this.epoch = ++epochs;
      for (const n of this.scored) n.scores = null;
      this.scored.length = 0;
      this.arena.reset();
    }
    // The cache lives on the nodes (scoredEpoch marks "scored or pending on this frame"): no Map
    // lookups and no quadratic de-duplication per call.
    const todo: TokenNode[] = [];
    for (const n of nodes) {
      if (n.scoredEpoch === this.epoch) continue;
      n.scoredEpoch = this.epoch;
      todo.push(n);
    }
    const b = todo.length;
    if (b === 0) return undefined;
    const rows = this.joint.batch(b);
    const { frames, targets } = rows;
    const dim = this.enc.dim;
    frames.set(encoderFrame(this.enc, t));
    for (let r = 1; r < b; r++) frames.copyWithin(r * dim, 0, dim);
    for (let r = 0; r < b; r++) {
      const n = todo[r]!;
      if (!n.state) throw new Error(`maes: internal error: node ${n.id} was released but is scored again`);
      targets[r] = n.token;
      rows.setState(r, n.state);
    }
    return rows.runRaw().then((raw) => this.store(todo, rows, rows.outputsOf(raw)));
  }

  private store(todo: readonly TokenNode[], rows: JointRows, out: JointRowsOutput): void {
    const b = todo.length;
    const width = this.joint.checkWidth(out.logits, b);
    const V = this.joint.vocabSize;
    this.calls++;
    this.rows += b;
    const D = width - V;
    for (let r = 0; r < b; r++) {
      const n = todo[r]!;
      // The prediction network ignores the encoder frame, so the first call's output state is the
      // state after this token on every frame. It stays in the runtime's output arrays (no copy, no
      // allocation): released states (TokenTree.releaseStates) let those arrays go.
      n.next ??= rows.stateAt(out, r);
      n.scores = scoreRow(out.logits, r * width, V, D, this.arena);
      this.scored.push(n);
    }
  }

  /** Scores of a node already passed to {@link score} on the current frame. */
  get(node: TokenNode): JointScores {
    const s = node.scoredEpoch === this.epoch ? node.scores : null;
    if (!s) throw new Error(`maes: internal error: node ${node.id} was not scored on frame ${this.frame}`);
    return s;
  }
}
