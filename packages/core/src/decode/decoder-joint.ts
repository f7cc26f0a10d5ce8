import type { InferenceSession } from '../session.ts';
import type { DecoderState, JointCounters, JointShape } from './joint-binding.ts';
import { GreedyJointLoop, JointRows, JointRowsCache } from './joint-binding.ts';
import { GreedyBatchBinding } from './greedy-batch-binding.ts';

export type { DecoderState } from './joint-binding.ts';

/** The TDT duration set of Parakeet's joint network (logits after the V token logits). */
export const TDT_DURATIONS: readonly number[] = [0, 1, 2, 3, 4];

/** One row of a batched decoder step. */
export interface DecoderQuery {
  /** Encoder frame, length = encoder dim. */
  readonly frame: Float32Array;
  /** Last emitted token (blank when none). */
  readonly target: number;
  readonly state: DecoderState;
}

/** Output of one row: raw token logits (V incl. blank), raw duration logits, and the next state. */
export interface DecoderStep {
  readonly tokenLogits: Float32Array;
  readonly durationLogits: Float32Array;
  readonly state: DecoderState;
}

function staticDim(session: InferenceSession, input: string, axis: number): number {
  const info = session.inputs.find((v) => v.name === input);
  if (!info) {
    const names = session.inputs.map((v) => v.name).join(', ');
    throw new Error(`decoder_joint: missing input "${input}" (has: ${names})`);
  }
  const d = info.shape[axis];
  if (typeof d !== 'number' || d <= 0) {
    throw new Error(`decoder_joint: input "${input}" axis ${axis} must be a fixed size, got ${String(d)}`);
  }
  return d;
}

/**
 * Wraps decoder_joint-model.onnx: reads state and encoder sizes from the graph (never hard-coded) and
 * runs any number of hypotheses as ONE batched call. Inputs are bound to the session once per batch
 * size ({@link JointRowsCache}); greedy decoding gets a dedicated batch-1 loop that feeds output
 * states straight back ({@link GreedyJointLoop}). Not re-entrant: callers await each call before the
 * next (the input buffers are reused).
 */
export class DecoderJoint implements JointCounters {
  readonly layers: number;
  readonly hidden: number;
  readonly encoderDim: number;
  readonly vocabSize: number;
  /** Counts session.run calls and rows, for decode statistics. */
  calls = 0;
  rows = 0;
  private readonly shape: JointShape;
  private readonly rowsCache: JointRowsCache;
  private greedy: GreedyJointLoop | undefined;
  private greedyBatched: GreedyBatchBinding | undefined;

  constructor(
    readonly session: InferenceSession,
    vocabSize: number,
    readonly source = 'decoder_joint',
  ) {
    this.layers = staticDim(session, 'input_states_1', 0);
    this.hidden = staticDim(session, 'input_states_1', 2);
    this.encoderDim = staticDim(session, 'encoder_outputs', 1);
    this.vocabSize = vocabSize;
    const out = session.outputs.find((v) => v.name === 'outputs');
    const last = out?.shape[out.shape.length - 1];
    if (typeof last === 'number' && last !== vocabSize + TDT_DURATIONS.length) {
      throw this.mismatch(last);
    }
    const width = vocabSize + TDT_DURATIONS.length;
    this.shape = { layers: this.layers, hidden: this.hidden, encoderDim: this.encoderDim, width, source };
    this.rowsCache = new JointRowsCache(session, this.shape, this);
  }

  private mismatch(width: number): Error {
    return new Error(
      `${this.source}: joint output width ${width} does not match vocab.txt (${this.vocabSize} tokens + ${TDT_DURATIONS.length} durations = ${this.vocabSize + TDT_DURATIONS.length}); the vocab.txt and decoder come from different models`,
    );
  }

  /** Zero state, as the real prediction network starts. */
  initialState(): DecoderState {
    const n = this.layers * this.hidden;
    return { s1: new Float32Array(n), s2: new Float32Array(n) };
  }

  /** The batch-1 loop of greedy decoding (one per joint, reused across clips: call `reset()`). */
  greedyLoop(): GreedyJointLoop {
    this.greedy ??= new GreedyJointLoop(this.session, this.shape, this);
    return this.greedy;
  }

  /** Buffers of batched greedy decoding for up to `capacity` utterances (kept for reuse across batches). */
  greedyBatch(capacity: number): GreedyBatchBinding {
    if (!this.greedyBatched || this.greedyBatched.capacity < capacity) {
      this.greedyBatched = new GreedyBatchBinding(this.session, this.shape, this, capacity);
    }
    return this.greedyBatched;
  }

  /** Bound input buffers for a batch of `b` rows; see {@link JointRows}. */
  batch(b: number): JointRows {
    return this.rowsCache.rows(b);
  }

  /** Checks a batch output's width against vocab.txt (a wrong vocab must fail loudly, not decode). */
  checkWidth(logits: Float32Array, b: number): number {
    const width = logits.length / b;
    if (width !== this.shape.width) throw this.mismatch(width);
    return width;
  }

  /** Runs all queries in one session.run with batch = queries.length (rows may differ in frame). */
  async step(queries: readonly DecoderQuery[]): Promise<DecoderStep[]> {
    const b = queries.length;
    const rows = this.batch(b);
    const D = this.encoderDim;
    queries.forEach((q, r) => {
      rows.frames.set(q.frame, r * D);
      rows.targets[r] = q.target;
      rows.setState(r, q.state);
    });
    const out = await rows.run();
    const width = this.checkWidth(out.logits, b);
    const states = rows.copyStates(out, queries.map((_, r) => r));
    return queries.map((_, r) => ({
      tokenLogits: out.logits.subarray(r * width, r * width + this.vocabSize),
      durationLogits: out.logits.subarray(r * width + this.vocabSize, (r + 1) * width),
      state: states[r]!,
    }));
  }
}
