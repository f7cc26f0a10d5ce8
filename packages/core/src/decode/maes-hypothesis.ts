import type { DecoderState } from './decoder-joint.ts';
import type { JointScores } from './frame-scorer.ts';

/**
 * One token sequence (NeMo's `y_sequence`, initial blank included) as a node of a prefix tree.
 * Nodes are interned per (parent, token) by {@link TokenTree}, so two hypotheses carry the same node
 * exactly when their token sequences are equal: merging and prefix tests compare node identity
 * instead of whole sequences.
 */
export interface TokenNode {
  /** Unique per tree; used to build merge keys. */
  readonly id: number;
  /** Last token of the sequence, fed to decoder_joint as `targets`. */
  readonly token: number;
  /** len(y_sequence), initial blank included (the score_norm divisor). */
  readonly depth: number;
  readonly parent: TokenNode | null;
  /**
   * Prediction-network state BEFORE `token` (fed as input_states with `token` as target); null once
   * no hypothesis can score this node again ({@link TokenTree.releaseStates}).
   */
  state: DecoderState | null;
  /** State AFTER `token`: set by the first decoder_joint call for this node, shared by its children. */
  next: DecoderState | null;
  /** FrameScorer's cache: this node's joint scores on the frame of `scoredEpoch`. */
  scores: JointScores | null;
  scoredEpoch: number;
  /** mergeDuplicates' marks: seen in merge `mergeEpoch`, first kept at output index `mergeFirst`. */
  mergeEpoch: number;
  mergeFirst: number;
}

/** Emission frames of one hypothesis, newest first, shared with the hypotheses it was expanded from. */
export interface FrameStamp {
  readonly frame: number;
  /** The TDT duration the token was emitted with (frames advanced after it); absent = unknown. */
  readonly duration?: number;
  readonly prev: FrameStamp | null;
}

/** A beam-search hypothesis (NeMo `Hypothesis`: y_sequence + dec_state live in `node`). */
export interface Hypothesis {
  node: TokenNode;
  /** Log-probability, summed over the path and log-added over merged duplicates. */
  score: number;
  /** First frame this hypothesis has not consumed yet (NeMo `last_frame`). */
  lastFrame: number;
  stamps: FrameStamp | null;
}

/**
 * Interns token sequences. The child index would keep every node ever built alive through the root,
 * so {@link retain} drops entries whose parent no live hypothesis holds: a node that is no
 * hypothesis's node can never be expanded again (hypotheses only leave the pool by pruning), so its
 * children will never be looked up again.
 */
export class TokenTree {
  private nextId = 0;
  private readonly children = new Map<number, TokenNode>();

  constructor(private readonly vocabSize: number) {}

  /** The start sequence [blank] with the zero state. */
  root(blank: number, state: DecoderState): TokenNode {
    return { id: this.nextId++, token: blank, depth: 1, parent: null, state, next: null, scores: null, scoredEpoch: 0, mergeEpoch: 0, mergeFirst: 0 };
  }

  /** The sequence `parent` + `token`; `parent` must have been scored (its output state is needed). */
  child(parent: TokenNode, token: number): TokenNode {
    const key = parent.id * this.vocabSize + token;
    const known = this.children.get(key);
    if (known) return known;
    if (!parent.next) throw new Error(`maes: internal error: expanding node ${parent.id} before its decoder state was computed`);
    const node: TokenNode = { id: this.nextId++, token, depth: parent.depth + 1, parent, state: parent.next, next: null, scores: null, scoredEpoch: 0, mergeEpoch: 0, mergeFirst: 0 };
    this.children.set(key, node);
    return node;
  }

  /**
   * Forgets children of nodes that no hypothesis in `live` holds. Skipped while the index is small:
   * keeping stale entries longer is harmless, and sweeping every frame showed up in profiles.
   */
  retain(live: readonly Hypothesis[], minSize = 512): void {
    if (this.children.size < minSize) return;
    const ids = new Set<number>();
    for (const h of live) ids.add(h.node.id);
    for (const [key, node] of this.children) {
      if (!node.parent || !ids.has(node.parent.id)) this.children.delete(key);
    }
  }

  /**
   * Drops the decoder states of nodes shallower than every kept hypothesis, so the states a beam
   * holds stay bounded instead of growing with the transcript (each node's `state` is its parent's
   * `next`, so a path would otherwise keep one state per token). No step can read them again: new
   * nodes are children of kept ones, a node only comes back as a child of a kept one, and prefix
   * search scores nodes deeper than a kept one. Walks up from each kept node and stops at the first
   * node already released (its ancestors were released with it).
   */
  releaseStates(kept: readonly Hypothesis[]): void {
    let min = Infinity;
    for (const h of kept) min = Math.min(min, h.node.depth);
    for (const h of kept) {
      for (let n = h.node.parent; n; n = n.parent) {
        if (n.depth >= min) continue;
        if (n.state === null) break;
        n.state = null;
        n.next = null;
      }
    }
  }

  /** Number of indexed (parent, token) entries, for tests of {@link retain}. */
  get indexed(): number {
    return this.children.size;
  }
}

/** The ancestor of `node` with the given depth (the node itself when equal). */
export function ancestorAt(node: TokenNode, depth: number): TokenNode | null {
  let n: TokenNode | null = node;
  while (n && n.depth > depth) n = n.parent;
  return n && n.depth === depth ? n : null;
}

/** NeMo `is_prefix(x, pref)`: a strictly shorter sequence that starts `x`. */
export function isStrictPrefix(x: TokenNode, pref: TokenNode): boolean {
  return pref.depth < x.depth && ancestorAt(x, pref.depth) === pref;
}

/** log(exp(a) + exp(b)) without overflow; -Infinity is the identity. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}

const byScoreDesc = (a: Hypothesis, b: Hypothesis): number => b.score - a.score;

/** Merge passes, unique across decodes (see TokenNode.mergeEpoch). */
let mergeEpochs = 0;

/**
 * NeMo `merge_duplicate_hypotheses`: hypotheses with equal (tokens, last_frame) collapse into the
 * best-scored one (it keeps its timestamps) whose score becomes the log-sum of all of them.
 * The result is in descending order of the pre-merge scores, as NeMo's dict insertion order.
 */
export function mergeDuplicates(hyps: readonly Hypothesis[]): Hypothesis[] {
  return mergeSorted([...hyps].sort(byScoreDesc));
}

function mergeSorted(sorted: readonly Hypothesis[]): Hypothesis[] {
  // Keys (node, last_frame) are found through marks on the node instead of a Map keyed by numbers
  // beyond the small-integer range (a heap number per key showed up in profiles).
  const epoch = ++mergeEpochs;
  const out: Hypothesis[] = [];
  for (const h of sorted) {
    const n = h.node;
    if (n.mergeEpoch !== epoch) {
      n.mergeEpoch = epoch;
      n.mergeFirst = out.length;
      out.push(h);
      continue;
    }
    let kept: Hypothesis | undefined;
    for (let i = n.mergeFirst; i < out.length && !kept; i++) if (out[i]!.node === n && out[i]!.lastFrame === h.lastFrame) kept = out[i];
    if (kept) kept.score = logAddExp(kept.score, h.score);
    else out.push(h);
  }
  return out;
}

/** Merge, then keep the `beam` best (NeMo's end-of-frame pool update). Sorts `hyps` in place. */
export function mergeAndPrune(hyps: Hypothesis[], beam: number): Hypothesis[] {
  const kept = mergeSorted(hyps.sort(byScoreDesc)).sort(byScoreDesc);
  if (kept.length > beam) kept.length = beam;
  return kept;
}

/** NeMo `sort_nbest`'s winner: best score, or best score / len(y_sequence) with `scoreNorm`. */
export function bestHypothesis(hyps: readonly Hypothesis[], scoreNorm: boolean): Hypothesis | undefined {
  let best: Hypothesis | undefined;
  let bestValue = -Infinity;
  for (const h of hyps) {
    const v = scoreNorm ? h.score / h.node.depth : h.score;
    if (best === undefined || v > bestValue) {
      best = h;
      bestValue = v;
    }
  }
  return best;
}

/** Token ids (initial blank dropped) and their emission frames, oldest first. */
export function hypothesisTokens(h: Hypothesis): { tokens: number[]; frames: number[] } {
  const tokens: number[] = [];
  for (let n: TokenNode | null = h.node; n?.parent; n = n.parent) tokens.push(n.token);
  const frames: number[] = [];
  for (let s = h.stamps; s; s = s.prev) frames.push(s.frame);
  return { tokens: tokens.reverse(), frames: frames.reverse() };
}

/** The TDT duration of each emitted token, oldest first (1 where a stamp does not know it). */
export function hypothesisDurations(h: Hypothesis): number[] {
  const durations: number[] = [];
  for (let s = h.stamps; s; s = s.prev) durations.push(s.duration ?? 1);
  return durations.reverse();
}
