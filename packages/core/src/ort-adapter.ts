/**
 * Adapts any onnxruntime-common style session (onnxruntime-node and onnxruntime-web share that API) to
 * the core {@link InferenceSession}. Typed structurally so core imports no runtime: each runner passes
 * its own `ort.Tensor` constructor and session.
 */
import type { BoundSession, InferenceSession, Tensor, TensorType, ValueInfo } from './session.ts';
import { copyOutputInto, requireOutput } from './session.ts';

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
  /** `fetches`: output names, or pre-allocated output tensors (onnxruntime-common's run overloads). */
  run(
    feeds: Record<string, OrtTensorLike>,
    fetches?: Readonly<Record<string, OrtTensorLike>> | readonly string[],
  ): Promise<Record<string, OrtTensorLike>>;
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

/** How a runtime treats output tensors passed as `fetches`. */
export interface OrtAdapterOptions {
  /**
   * True when the runtime writes results straight into pre-allocated output tensors passed as
   * fetches (onnxruntime-node). onnxruntime-web 1.30 (wasm) copies such tensors into its heap and
   * resolves with the caller's stale data, so it must stay false there: bound outputs are then
   * fetched by name and copied in.
   */
  readonly preallocatedOutputs?: boolean;
}

function toCore(out: Record<string, OrtTensorLike>): Record<string, Tensor> {
  const result: Record<string, Tensor> = {};
  for (const [name, t] of Object.entries(out)) {
    if (!SUPPORTED.has(t.type)) {
      throw new Error(`output "${name}" has type ${t.type}; expected float32, int32 or int64 at graph boundaries`);
    }
    result[name] = { type: t.type as TensorType, data: t.data as Tensor['data'], dims: t.dims };
  }
  return result;
}

/**
 * Wraps an ORT session. `run` converts plain tensors per call; `bind` builds the runtime tensors once
 * over the caller's typed arrays, so a decoding loop pays no per-call tensor construction.
 */
export function wrapOrtSession(session: OrtSessionLike, TensorCtor: OrtTensorCtor, options: OrtAdapterOptions = {}): InferenceSession {
  const toOrt = (tensors: Readonly<Record<string, Tensor>>): Record<string, OrtTensorLike> => {
    const ort: Record<string, OrtTensorLike> = {};
    for (const [name, t] of Object.entries(tensors)) ort[name] = new TensorCtor(t.type, t.data, t.dims);
    return ort;
  };
  const bind = (feeds: Readonly<Record<string, Tensor>>, outputs?: Readonly<Record<string, Tensor>>): BoundSession => {
    const ortFeeds = toOrt(feeds);
    if (!outputs) {
      // Runtime tensors already have the plain tensor's fields: check the graph's output types once,
      // then hand them over as they are (no wrapper objects per call).
      let checked = false;
      const first = (out: Record<string, OrtTensorLike>): Record<string, Tensor> => {
        checked = toCore(out) !== undefined;
        return out as unknown as Record<string, Tensor>;
      };
      return {
        run: () => (checked ? (session.run(ortFeeds) as unknown as Promise<Record<string, Tensor>>) : session.run(ortFeeds).then(first)),
      };
    }
    if (options.preallocatedOutputs) {
      const fetches = toOrt(outputs);
      return { run: () => session.run(ortFeeds, fetches).then(() => outputs) };
    }
    const names = Object.keys(outputs);
    return {
      async run() {
        const out = toCore(await session.run(ortFeeds, names));
        for (const name of names) copyOutputInto(requireOutput(out, name, 'onnxruntime'), outputs[name]!, name, 'onnxruntime');
        return outputs;
      },
    };
  };
  return {
    inputs: describe(session.inputNames, session.inputMetadata),
    outputs: describe(session.outputNames, session.outputMetadata),
    run: async (feeds) => toCore(await session.run(toOrt(feeds))),
    bind,
    release: () => session.release(),
  };
}
