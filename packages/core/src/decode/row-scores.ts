/**
 * Joint scores of one hypothesis row on one frame, as beam search reads them. Logits stay raw in
 * the batch output (no V-sized copy, no per-row view): log-softmax is applied on read as
 * `logit - lse`. Per row the V logits are read twice: once for the top candidates (whose first value
 * is the row maximum) and once for the exp-sum of the log-sum-exp.
 */
import { logSumExp, logSumExpWithMax } from './log-sum-exp.ts';

/** One row's scores; see the file header. */
export interface JointScores {
  /** This row's V token logits (a view made on read; hot paths index `logits` from `at`). */
  readonly tokenLogits: Float32Array;
  /** log-sum-exp of the token logits. */
  readonly tokenLse: number;
  /** This row's duration logits (a view made on read). */
  readonly durationLogits: Float32Array;
  /** log-sum-exp of the duration logits. */
  readonly durationLse: number;
  /** The batch output holding the row: token t's logit is logits[at + t], duration i's logits[at + vocabSize + i]. */
  readonly logits: Float32Array;
  readonly at: number;
  readonly vocabSize: number;
  /** Top tokens, largest first, ties in index order: id topIdx[topAt + j], logit topVal[topAt + j], j < topCount. */
  readonly topIdx: Int32Array;
  readonly topVal: Float64Array;
  readonly topAt: number;
  readonly topCount: number;
}

/** Log-probability of emitting `token` with the duration at `durationIdx` (log-softmax of both heads). */
export const pairLogProb = (s: JointScores, token: number, durationIdx: number): number =>
  s.logits[s.at + token]! - s.tokenLse + (s.logits[s.at + s.vocabSize + durationIdx]! - s.durationLse);

/**
 * Indices (relative to `from`) of the `k` largest of values[from..to), largest first; equal values
 * keep index order (the order a stable descending sort gives). Writes into outIdx/outVal from `outAt`.
 * Once k values are in, one comparison with the current k-th value skips almost every entry.
 */
export function topKRange(values: ArrayLike<number>, from: number, to: number, k: number, outIdx: Int32Array, outVal: Float64Array, outAt = 0): number {
  let n = 0;
  let i = from;
  for (; i < to && n < k; i++) n = insertTop(values[i]!, i - from, n, k, outIdx, outVal, outAt);
  let floor = outVal[outAt + k - 1]!;
  for (; i < to; i++) {
    const v = values[i]!;
    if (v <= floor) continue;
    insertTop(v, i - from, n, k, outIdx, outVal, outAt);
    floor = outVal[outAt + k - 1]!;
  }
  return n;
}

/** Inserts (v, id) into the n sorted entries (the k-th falls off when full); returns the new count. */
function insertTop(v: number, id: number, n: number, k: number, outIdx: Int32Array, outVal: Float64Array, outAt: number): number {
  let j = n < k ? n++ : k - 1;
  while (j > 0 && outVal[outAt + j - 1]! < v) {
    outVal[outAt + j] = outVal[outAt + j - 1]!;
    outIdx[outAt + j] = outIdx[outAt + j - 1]!;
    j--;
  }
  outVal[outAt + j] = v;
  outIdx[outAt + j] = id;
  return n;
}

/** {@link topKRange} over a whole array. */
export function topK(values: ArrayLike<number>, k: number, outIdx: Int32Array, outVal: Float64Array): number {
  return topKRange(values, 0, values.length, k, outIdx, outVal);
}

/** Storage for the top candidates of every row scored on one frame (reused frame after frame). */
export class CandidateArena {
  idx: Int32Array;
  val: Float64Array;
  private used = 0;

  constructor(readonly k: number) {
    this.idx = new Int32Array(64 * k);
    this.val = new Float64Array(64 * k);
  }

  /** Forgets every slot (the rows of the previous frame are no longer read). */
  reset(): void {
    this.used = 0;
  }

  /** Offset of a fresh slot of k entries; grows into new arrays, so older rows keep theirs. */
  take(): number {
    if (this.used + this.k > this.idx.length) {
      this.idx = new Int32Array(2 * this.idx.length);
      this.val = new Float64Array(2 * this.val.length);
      this.used = 0;
    }
    const at = this.used;
    this.used += this.k;
    return at;
  }
}

class RowScores implements JointScores {
  constructor(
    readonly logits: Float32Array,
    readonly at: number,
    readonly vocabSize: number,
    private readonly durations: number,
    readonly tokenLse: number,
    readonly durationLse: number,
    readonly topIdx: Int32Array,
    readonly topVal: Float64Array,
    readonly topAt: number,
    readonly topCount: number,
  ) {}

  get tokenLogits(): Float32Array {
    return this.logits.subarray(this.at, this.at + this.vocabSize);
  }

  get durationLogits(): Float32Array {
    const from = this.at + this.vocabSize;
    return this.logits.subarray(from, from + this.durations);
  }
}

/** Scores the row at `at` of a batch output (V token logits, then `durations` logits). */
export function scoreRow(logits: Float32Array, at: number, vocabSize: number, durations: number, arena: CandidateArena): JointScores {
  const topAt = arena.take();
  const { idx, val } = arena;
  const count = topKRange(logits, at, at + vocabSize, arena.k, idx, val, topAt);
  const max = count > 0 ? val[topAt]! : -Infinity;
  const tokenLse = logSumExpWithMax(logits, at, at + vocabSize, max);
  const durationLse = logSumExp(logits, at + vocabSize, at + vocabSize + durations);
  return new RowScores(logits, at, vocabSize, durations, tokenLse, durationLse, idx, val, topAt, count);
}
