import type { FrameScorer } from './frame-scorer.ts';
import { pairLogProb } from './frame-scorer.ts';
import type { Hypothesis, TokenNode } from './maes-hypothesis.ts';
import { ancestorAt, isStrictPrefix, logAddExp } from './maes-hypothesis.ts';

/**
 * NeMo `prefix_search` (after arXiv:1211.3711): a hypothesis whose sequence extends a shorter one on
 * the current frame by at most `alpha` tokens also gains the probability of reaching it from that
 * prefix with zero-duration emissions; its score becomes logaddexp(own, via prefix).
 *
 * `hyps` must be sorted longest first (NeMo's order; a prefix is always later in the list, so every
 * prefix score read here is still the pre-update one, as in NeMo). Scores are updated in place.
 * Every row it reads (each hypothesis and, for alpha > 1, the in-between nodes of the longer one)
 * is requested in ONE batched scorer call; NeMo ran these joints one at a time. Returns the pending
 * call (scores are updated when it resolves), or undefined when no call was needed.
 */
export function prefixSearch(
  hyps: readonly Hypothesis[],
  t: number,
  scorer: FrameScorer,
  alpha: number,
  zeroDurationIdx: number,
): Promise<void> | undefined {
  const pairs: [Hypothesis, Hypothesis][] = [];
  const rows: TokenNode[] = hyps.map((h) => h.node);
  for (let i = 0; i < hyps.length - 1; i++) {
    const curr = hyps[i]!;
    for (let j = i + 1; j < hyps.length; j++) {
      const pref = hyps[j]!;
      if (curr.node.depth - pref.node.depth > alpha || !isStrictPrefix(curr.node, pref.node)) continue;
      pairs.push([curr, pref]);
      // dec_out[k] for k in [len(pref), len(curr) - 1) is the node of depth k + 1 on curr's path.
      for (let depth = pref.node.depth + 1; depth < curr.node.depth; depth++) rows.push(ancestorAt(curr.node, depth)!);
    }
  }
  const apply = (): void => {
    for (const [curr, pref] of pairs) {
      const path = pathBelow(curr.node, pref.node.depth);
      let viaPrefix = pref.score + pairLogProb(scorer.get(pref.node), path[0]!.token, zeroDurationIdx);
      for (let k = 1; k < path.length; k++) {
        viaPrefix += pairLogProb(scorer.get(path[k - 1]!), path[k]!.token, zeroDurationIdx);
      }
      curr.score = logAddExp(curr.score, viaPrefix);
    }
  };
  // Scoring the hypotheses themselves here costs nothing extra: the first mAES step needs them too.
  // Returned as a promise chain (no async frame) or, when every row was already scored, not at all.
  const pending = scorer.score(t, rows);
  if (pending) return pending.then(apply);
  apply();
  return undefined;
}

/** The nodes of `node`'s path deeper than `depth`, shallowest first. */
function pathBelow(node: TokenNode, depth: number): TokenNode[] {
  const out: TokenNode[] = [];
  for (let n: TokenNode | null = node; n && n.depth > depth; n = n.parent) out.push(n);
  return out.reverse();
}
