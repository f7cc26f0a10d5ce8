/**
 * decoder_joint inputs and outputs bound to the session once, so the per-call work of a decoding loop
 * is writing a frame, a target and (for beams) the rows' states into typed arrays: no tensor objects,
 * no per-call allocations in core.
 */
import type { BoundSession, InferenceSession, Tensor } from '../session.ts';
import { bindSession, f32, i32, requireOutput } from '../session.ts';

/** Sizes of a decoder_joint graph, read from the graph by {@link DecoderJoint}. */
export interface JointShape {
  readonly layers: number;
  readonly hidden: number;
  readonly encoderDim: number;
  /** Joint output width: V token logits (blank included) + the durations. */
  readonly width: number;
  /** Graph file, named in errors. */
  readonly source: string;
}

/** Counts decoder_joint calls and rows (shared with the owning {@link DecoderJoint}). */
export interface JointCounters {
  calls: number;
  rows: number;
}

/** Prediction-network state of one hypothesis: the two LSTM state tensors, flattened [layers*hidden]. */
export interface DecoderState {
  readonly s1: Float32Array;
  readonly s2: Float32Array;
  /**
   * When set, s1/s2 are a whole batch output [layers, batch, hidden] and this state is its row
   * `row`: beam search keeps the runtime's output arrays instead of copying each row out.
   */
  readonly row?: number;
  readonly batch?: number;
}

/**
 * Greedy decoding's batch-1 loop. Two bindings share the frame, target and logits buffers and swap
 * the two state buffers: binding A reads S0 and writes S1, binding B the reverse. Adopting the
 * output state (a non-blank token) is then a switch of binding, not a copy; on blank the input state
 * stays untouched because the output went to the other buffer.
 */
export class GreedyJointLoop {
  /** Encoder frame fed on the next run [encoderDim]. */
  readonly frame: Float32Array;
  /** Last emitted token (blank when none) fed on the next run. */
  readonly target: Int32Array;
  /** Raw joint output of the last run [V + durations]. */
  readonly logits: Float32Array;
  private readonly states: readonly [Float32Array, Float32Array, Float32Array, Float32Array];
  private readonly bound: readonly [BoundSession, BoundSession];
  private current = 0;

  constructor(session: InferenceSession, shape: JointShape, private readonly counters: JointCounters) {
    const n = shape.layers * shape.hidden;
    this.frame = new Float32Array(shape.encoderDim);
    this.target = new Int32Array(1);
    this.logits = new Float32Array(shape.width);
    this.states = [new Float32Array(n), new Float32Array(n), new Float32Array(n), new Float32Array(n)];
    const common = {
      encoder_outputs: f32(this.frame, [1, shape.encoderDim, 1]),
      targets: i32(this.target, [1, 1]),
      target_length: i32(Int32Array.of(1), [1]),
    };
    const logits = f32(this.logits, [1, 1, 1, shape.width]);
    const dims = [shape.layers, 1, shape.hidden];
    const state = (i: number) => f32(this.states[i]!, dims);
    const bindPair = (inIdx: number, outIdx: number): BoundSession =>
      bindSession(
        session,
        { ...common, input_states_1: state(inIdx), input_states_2: state(inIdx + 1) },
        { outputs: logits, output_states_1: state(outIdx), output_states_2: state(outIdx + 1) },
        shape.source,
      );
    this.bound = [bindPair(0, 2), bindPair(2, 0)];
  }

  /** Zero state, as the real prediction network starts; call before each clip. */
  reset(): void {
    this.states[2 * this.current]!.fill(0);
    this.states[2 * this.current + 1]!.fill(0);
  }

  /** One decoder_joint call on `frame`, `target` and the current state; results land in `logits`. */
  run(): Promise<unknown> {
    this.counters.calls++;
    this.counters.rows++;
    return this.bound[this.current]!.run();
  }

  /** Makes the last run's output state the input of the next run. */
  adoptState(): void {
    this.current ^= 1;
  }
}

/** dst[dstAt..dstAt+n) = src[srcAt..srcAt+n): a plain loop, no subarray views to allocate per copy. */
function copyRange(src: Float32Array, srcAt: number, dst: Float32Array, dstAt: number, n: number): void {
  for (let i = 0; i < n; i++) dst[dstAt + i] = src[srcAt + i]!;
}

/** Outputs of one batched call: fresh arrays, valid as long as the caller keeps them. */
export interface JointRowsOutput {
  /** [b, width] raw joint outputs. */
  readonly logits: Float32Array;
  /** [layers, b, hidden] each. */
  readonly states1: Float32Array;
  readonly states2: Float32Array;
}

/** Input buffers of one batch size (views of shared capacity buffers) and their binding. */
export class JointRows {
  constructor(
    readonly size: number,
    /** [b, encoderDim] */
    readonly frames: Float32Array,
    /** [b] */
    readonly targets: Int32Array,
    /** [layers, b, hidden] each. */
    readonly states1: Float32Array,
    readonly states2: Float32Array,
    private readonly bound: BoundSession,
    private readonly shape: JointShape,
    private readonly counters: JointCounters,
  ) {}

  /** Copies `state` (flattened [layers*hidden], or a row of a batch output) into row `r` of the state inputs. */
  setState(r: number, state: DecoderState): void {
    const { layers, hidden } = this.shape;
    const b = this.size;
    const from = state.row ?? 0;
    const stride = state.batch ?? 1;
    for (let l = 0; l < layers; l++) {
      copyRange(state.s1, (l * stride + from) * hidden, this.states1, (l * b + r) * hidden, hidden);
      copyRange(state.s2, (l * stride + from) * hidden, this.states2, (l * b + r) * hidden, hidden);
    }
  }

  /** Row `r`'s output state without copying: a reference to the batch output (see DecoderState). */
  stateAt(out: JointRowsOutput, r: number): DecoderState {
    return { s1: out.states1, s2: out.states2, row: r, batch: this.size };
  }

  /** Runs all rows as one call; outputs are fresh runtime arrays, never overwritten later. */
  run(): Promise<JointRowsOutput> {
    return this.runRaw().then(this.outputsOf);
  }

  /** {@link run} without the output unpacking: callers chaining their own step call {@link outputsOf}. */
  runRaw(): Promise<Readonly<Record<string, Tensor>>> {
    this.counters.calls++;
    this.counters.rows += this.size;
    return this.bound.run();
  }

  /** The three outputs decoding reads, checked by name. */
  readonly outputsOf = (out: Readonly<Record<string, Tensor>>): JointRowsOutput => {
    const { source } = this.shape;
    return {
      logits: requireOutput(out, 'outputs', source).data as Float32Array,
      states1: requireOutput(out, 'output_states_1', source).data as Float32Array,
      states2: requireOutput(out, 'output_states_2', source).data as Float32Array,
    };
  };

  /**
   * The output states of rows `rows` as their own arrays, all in ONE new block (one allocation per
   * call instead of per row), so they outlive the batch output; `result[i]` belongs to `rows[i]`.
   */
  copyStates(out: JointRowsOutput, rows: readonly number[]): DecoderState[] {
    const { layers, hidden } = this.shape;
    const n = layers * hidden;
    const b = this.size;
    const block = new Float32Array(2 * n * rows.length);
    return rows.map((r, i) => {
      const at = 2 * n * i;
      for (let l = 0; l < layers; l++) {
        copyRange(out.states1, (l * b + r) * hidden, block, at + l * hidden, hidden);
        copyRange(out.states2, (l * b + r) * hidden, block, at + n + l * hidden, hidden);
      }
      return { s1: block.subarray(at, at + n), s2: block.subarray(at + n, at + 2 * n) };
    });
  }
}

/**
 * {@link JointRows} per batch size over ONE set of capacity buffers (a beam's batch size changes
 * every call; separate buffers per size would add up to b_max^2 rows). Grows when a larger batch
 * comes, dropping the bindings of the old buffers.
 */
export class JointRowsCache {
  private capacity = 0;
  private buffers = { frames: new Float32Array(0), targets: new Int32Array(0), lengths: new Int32Array(0), s1: new Float32Array(0), s2: new Float32Array(0) };
  private readonly bySize = new Map<number, JointRows>();

  constructor(
    private readonly session: InferenceSession,
    private readonly shape: JointShape,
    private readonly counters: JointCounters,
  ) {}

  /** Buffers and binding for a batch of `b` rows (prefix views of the capacity buffers). */
  rows(b: number): JointRows {
    const known = this.bySize.get(b);
    if (known) return known;
    if (b > this.capacity) this.grow(Math.max(b, 2 * this.capacity));
    const { layers, hidden, encoderDim } = this.shape;
    const n = layers * b * hidden;
    const { frames, targets, lengths, s1, s2 } = this.buffers;
    const rows = {
      frames: frames.subarray(0, b * encoderDim),
      targets: targets.subarray(0, b),
      s1: s1.subarray(0, n),
      s2: s2.subarray(0, n),
    };
    const bound = bindSession(
      this.session,
      {
        encoder_outputs: f32(rows.frames, [b, encoderDim, 1]),
        targets: i32(rows.targets, [b, 1]),
        target_length: i32(lengths.subarray(0, b), [b]),
        input_states_1: f32(rows.s1, [layers, b, hidden]),
        input_states_2: f32(rows.s2, [layers, b, hidden]),
      },
      undefined,
      this.shape.source,
    );
    const made = new JointRows(b, rows.frames, rows.targets, rows.s1, rows.s2, bound, this.shape, this.counters);
    this.bySize.set(b, made);
    return made;
  }

  private grow(capacity: number): void {
    const { layers, hidden, encoderDim } = this.shape;
    this.capacity = capacity;
    this.buffers = {
      frames: new Float32Array(capacity * encoderDim),
      targets: new Int32Array(capacity),
      lengths: new Int32Array(capacity).fill(1),
      s1: new Float32Array(layers * capacity * hidden),
      s2: new Float32Array(layers * capacity * hidden),
    };
    this.bySize.clear();
  }
}
