import type { InferenceSession, Tensor } from '../session.ts';
import { f32, i32, requireOutput } from '../session.ts';

/** The TDT duration set of Parakeet's joint network (logits after the V token logits). */
export const TDT_DURATIONS: readonly number[] = [0, 1, 2, 3, 4];

/** Prediction-network state of one hypothesis: the two LSTM state tensors, flattened [layers*hidden]. */
export interface DecoderState {
  readonly s1: Float32Array;
  readonly s2: Float32Array;
}

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
 * runs any number of hypotheses as ONE batched call, gathering and scattering per-row states.
 */
export class DecoderJoint {
  readonly layers: number;
  readonly hidden: number;
  readonly encoderDim: number;
  readonly vocabSize: number;
  /** Counts session.run calls and rows, for decode statistics. */
  calls = 0;
  rows = 0;

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

  /** Input buffers per batch size, reused across calls (steps are awaited one at a time). */
  private readonly buffers = new Map<number, { frames: Float32Array; targets: Int32Array; lengths: Int32Array; s1: Float32Array; s2: Float32Array }>();

  private buffersFor(b: number) {
    let buf = this.buffers.get(b);
    if (!buf) {
      const n = this.layers * b * this.hidden;
      buf = {
        frames: new Float32Array(b * this.encoderDim),
        targets: new Int32Array(b),
        lengths: new Int32Array(b).fill(1),
        s1: new Float32Array(n),
        s2: new Float32Array(n),
      };
      this.buffers.set(b, buf);
    }
    return buf;
  }

  /**
   * Runs all queries in one session.run with batch = queries.length. Not re-entrant: callers await
   * each step before the next (the input buffers are reused).
   */
  async step(queries: readonly DecoderQuery[]): Promise<DecoderStep[]> {
    const b = queries.length;
    const { layers, hidden, encoderDim } = this;
    const { frames, targets, lengths, s1, s2 } = this.buffersFor(b);
    for (let r = 0; r < b; r++) {
      const q = queries[r]!;
      frames.set(q.frame, r * encoderDim);
      targets[r] = q.target;
      if (b === 1) {
        // [layers, 1, hidden] is exactly the row's flattened state: one copy per tensor
        s1.set(q.state.s1);
        s2.set(q.state.s2);
        continue;
      }
      for (let l = 0; l < layers; l++) {
        const src = l * hidden;
        const dst = (l * b + r) * hidden;
        s1.set(q.state.s1.subarray(src, src + hidden), dst);
        s2.set(q.state.s2.subarray(src, src + hidden), dst);
      }
    }
    const out = await this.session.run({
      encoder_outputs: f32(frames, [b, encoderDim, 1]),
      targets: i32(targets, [b, 1]),
      target_length: i32(lengths, [b]),
      input_states_1: f32(s1, [layers, b, hidden]),
      input_states_2: f32(s2, [layers, b, hidden]),
    });
    this.calls++;
    this.rows += b;
    return this.scatter(out, b);
  }

  private scatter(out: Record<string, Tensor>, b: number): DecoderStep[] {
    const logits = requireOutput(out, 'outputs', this.source).data as Float32Array;
    const o1 = requireOutput(out, 'output_states_1', this.source).data as Float32Array;
    const o2 = requireOutput(out, 'output_states_2', this.source).data as Float32Array;
    const width = logits.length / b;
    if (width !== this.vocabSize + TDT_DURATIONS.length) throw this.mismatch(width);
    const { layers, hidden } = this;
    const n = layers * hidden;
    const steps: DecoderStep[] = [];
    if (b === 1) {
      // [layers, 1, hidden] is already one row's flattened state: copy once, no per-layer walk.
      steps.push({
        tokenLogits: logits.subarray(0, this.vocabSize),
        durationLogits: logits.subarray(this.vocabSize, width),
        state: { s1: o1.slice(0, n), s2: o2.slice(0, n) },
      });
      return steps;
    }
    // One allocation per call for all rows' next states; each row gets its own subarrays.
    const block = new Float32Array(2 * b * n);
    for (let r = 0; r < b; r++) {
      const row = logits.subarray(r * width, (r + 1) * width);
      const n1 = block.subarray(2 * r * n, (2 * r + 1) * n);
      const n2 = block.subarray((2 * r + 1) * n, (2 * r + 2) * n);
      for (let l = 0; l < layers; l++) {
        const src = (l * b + r) * hidden;
        n1.set(o1.subarray(src, src + hidden), l * hidden);
        n2.set(o2.subarray(src, src + hidden), l * hidden);
      }
      steps.push({
        tokenLogits: row.subarray(0, this.vocabSize),
        durationLogits: row.subarray(this.vocabSize),
        state: { s1: n1, s2: n2 },
      });
    }
    return steps;
  }
}
