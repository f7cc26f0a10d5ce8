/**
 * decoder_joint buffers of batched greedy decoding (throughput mode): inputs AND outputs bound to the
 * session once per batch size, as prefix views of capacity buffers, so a step writes frames and
 * targets into typed arrays, runs, and reads logits in place. Rows belong to live utterances; when
 * some finish, the survivors are compacted into the next smaller batch in place.
 */
import type { BoundSession, InferenceSession } from '../session.ts';
import { bindSession, f32, i32 } from '../session.ts';
import type { JointCounters, JointShape } from './joint-binding.ts';

/** Capacity buffers and per-batch-size bindings of {@link greedyDecodeBatch}'s decoder_joint calls. */
export class GreedyBatchBinding {
  /** [b, encoderDim] frames of the live rows (prefix of the capacity). */
  readonly frames: Float32Array;
  /** [b] last emitted token per row (blank when none). */
  readonly targets: Int32Array;
  /** [b, width] raw joint outputs of the last run. */
  readonly logits: Float32Array;
  /** Input states, laid out [layers, b, hidden] for the current batch size b. */
  private readonly s1: Float32Array;
  private readonly s2: Float32Array;
  /** Output states of the last run, same layout. */
  private readonly o1: Float32Array;
  private readonly o2: Float32Array;
  private readonly bySize = new Map<number, BoundSession>();

  constructor(
    private readonly session: InferenceSession,
    private readonly shape: JointShape,
    private readonly counters: JointCounters,
    readonly capacity: number,
  ) {
    const n = shape.layers * capacity * shape.hidden;
    this.frames = new Float32Array(capacity * shape.encoderDim);
    this.targets = new Int32Array(capacity);
    this.logits = new Float32Array(capacity * shape.width);
    this.s1 = new Float32Array(n);
    this.s2 = new Float32Array(n);
    this.o1 = new Float32Array(n);
    this.o2 = new Float32Array(n);
  }

  /** Zero states and blank targets for the first `b` rows, as every utterance starts. */
  reset(b: number, blankId: number): void {
    const n = this.shape.layers * b * this.shape.hidden;
    this.s1.fill(0, 0, n);
    this.s2.fill(0, 0, n);
    this.targets.fill(blankId, 0, b);
  }

  /** One decoder_joint call over the first `b` rows; logits land in {@link logits}. */
  run(b: number): Promise<unknown> {
    this.counters.calls++;
    this.counters.rows += b;
    return this.bound(b).run();
  }

  /** Row `r` emitted a token: its output state becomes its input state (batch size `b`). */
  adoptState(r: number, b: number): void {
    const { layers, hidden } = this.shape;
    for (let l = 0; l < layers; l++) {
      const at = (l * b + r) * hidden;
      for (let i = at; i < at + hidden; i++) {
        this.s1[i] = this.o1[i]!;
        this.s2[i] = this.o2[i]!;
      }
    }
  }

  /**
   * Moves rows `keep` (ascending) of a batch of `b` to rows 0.. of a batch of `keep.length`, in place.
   * Every destination lies at or before its source and after every earlier source, so forward
   * copies never overwrite a row not yet moved.
   */
  compact(keep: readonly number[], b: number): void {
    const { layers, hidden, encoderDim } = this.shape;
    const k = keep.length;
    for (let l = 0; l < layers; l++) {
      for (let r = 0; r < k; r++) {
        const from = (l * b + keep[r]!) * hidden;
        const to = (l * k + r) * hidden;
        this.s1.copyWithin(to, from, from + hidden);
        this.s2.copyWithin(to, from, from + hidden);
      }
    }
    for (let r = 0; r < k; r++) {
      this.targets[r] = this.targets[keep[r]!]!;
      this.frames.copyWithin(r * encoderDim, keep[r]! * encoderDim, (keep[r]! + 1) * encoderDim);
    }
  }

  private bound(b: number): BoundSession {
    const known = this.bySize.get(b);
    if (known) return known;
    if (b < 1 || b > this.capacity) throw new Error(`${this.shape.source}: batch of ${b} rows outside 1..${this.capacity}`);
    const { layers, hidden, encoderDim, width } = this.shape;
    const n = layers * b * hidden;
    const dims = [layers, b, hidden];
    const bound = bindSession(
      this.session,
      {
        encoder_outputs: f32(this.frames.subarray(0, b * encoderDim), [b, encoderDim, 1]),
        targets: i32(this.targets.subarray(0, b), [b, 1]),
        target_length: i32(new Int32Array(b).fill(1), [b]),
        input_states_1: f32(this.s1.subarray(0, n), dims),
        input_states_2: f32(this.s2.subarray(0, n), dims),
      },
      {
        outputs: f32(this.logits.subarray(0, b * width), [b, 1, 1, width]),
        output_states_1: f32(this.o1.subarray(0, n), dims),
        output_states_2: f32(this.o2.subarray(0, n), dims),
      },
      this.shape.source,
    );
    this.bySize.set(b, bound);
    return bound;
  }
}
