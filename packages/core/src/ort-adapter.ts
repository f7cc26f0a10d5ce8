/**
 * Adapts any onnxruntime-common style session (onnxruntime-node and onnxruntime-web share that API) to
 * the core {@link InferenceSession}. Typed structurally so core imports no runtime: each runner passes
 * its own `ort.Tensor` constructor and session.
 */
import type { InferenceSession, Tensor, TensorType, ValueInfo } from './session.ts';

/** The part of `ort.Tensor` instances the adapter reads. */
export interface OrtTensorLike {
  readonly type: string;
  readonly data: unknown;
  readonly dims: readonly number[];
  dispose?(): void;
}

/** The `ort.Tensor` constructor. */
export type OrtTensorCtor = new (type: TensorType, data: Tensor['data'], dims: readonly number[]) => OrtTensorLike;

/** The part of `ort.InferenceSession` instances the adapter uses. */
export interface OrtSessionLike {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly inputMetadata?: readonly { name: string; isTensor: boolean; type?: string; shape?: readonly (number | string)[] }[];
  readonly outputMetadata?: readonly { name: string; isTensor: boolean; type?: string; shape?: readonly (number | string)[] }[];
  run(feeds: Record<string, OrtTensorLike>): Promise<Record<string, OrtTensorLike>>;
  release(): Promise<void>;
}

const SUPPORTED: ReadonlySet<string> = new Set<TensorType>(['float32', 'int32', 'int64']);

function describe(
  names: readonly string[],
  meta: OrtSessionLike['inputMetadata'],
): ValueInfo[] {
  return names.map((name, i) => {
    const m = meta?.[i];
    const shape = (m?.isTensor ? (m.shape ?? []) : []).map((d) =>
      typeof d === 'number' && d < 0 ? null : d,
    );
    return { name, type: m?.type ?? 'unknown', shape };
  });
}

/** Wraps an ORT session; outputs are copied out of ORT-owned memory and ORT tensors disposed. */
export function wrapOrtSession(session: OrtSessionLike, TensorCtor: OrtTensorCtor): InferenceSession {
  return {
    inputs: describe(session.inputNames, session.inputMetadata),
    outputs: describe(session.outputNames, session.outputMetadata),
    async run(feeds) {
      const ortFeeds: Record<string, OrtTensorLike> = {};
      for (const [name, t] of Object.entries(feeds)) ortFeeds[name] = new TensorCtor(t.type, t.data, t.dims);
      const out = await session.run(ortFeeds);
      const result: Record<string, Tensor> = {};
      for (const [name, t] of Object.entries(out)) {
        if (!SUPPORTED.has(t.type)) {
          throw new Error(`output "${name}" has type ${t.type}; expected float32, int32 or int64 at graph boundaries`);
        }
        result[name] = { type: t.type as TensorType, data: t.data as Tensor['data'], dims: t.dims };
      }
      return result;
    },
    release: () => session.release(),
  };
}
