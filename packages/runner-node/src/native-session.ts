/**
 * onnxruntime-node sessions without the event-loop hop. onnxruntime-node's public `session.run`
 * checks its arguments, then runs the (synchronous) native binding inside `setImmediate`, so every
 * run waits for a turn of the event loop: at the fixture's decoder_joint that is several
 * microseconds of a ~30 us call, thousands of times per clip set. The worker process runs one config
 * and nothing else, so the harness calls the binding directly and resolves with its result.
 *
 * This uses onnxruntime-node's internal module `dist/binding.js` (the package version is pinned).
 * When it is missing or has another shape, {@link openNativeSession} returns null and the caller
 * keeps the public API; `bench:pipeline` and the tests compare the two.
 */
import { createRequire } from 'node:module';
import type { OrtSessionLike, OrtTensorLike } from '@parakeet-bench/core';

/** The binding's raw value metadata (onnxruntime-node 1.30 `Binding.ValueMetadata`). */
interface RawMetadata {
  readonly name: string;
  readonly isTensor: boolean;
  readonly symbolicDimensions: readonly string[];
  readonly shape: readonly number[];
  readonly type: number;
}

interface NativeSession {
  loadModel(path: string, options: object): void;
  readonly inputMetadata: readonly RawMetadata[];
  readonly outputMetadata: readonly RawMetadata[];
  run(feeds: object, fetches: object, options: object): Record<string, OrtTensorLike>;
  dispose(): void;
}

interface BindingModule {
  readonly binding: { readonly InferenceSession: new () => NativeSession };
  readonly initOrt: () => void;
}

// ONNX TensorProto data types as onnxruntime-node's backend names them.
const TYPES: Readonly<Record<number, string>> = { 1: 'float32', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string', 9: 'bool', 10: 'float16', 11: 'float64', 12: 'uint32', 13: 'uint64' };

let cached: BindingModule | null | undefined;

/** onnxruntime-node's native binding module, or null when this version does not expose it as expected. */
function bindingModule(): BindingModule | null {
  if (cached !== undefined) return cached;
  try {
    const m = createRequire(import.meta.url)('onnxruntime-node/dist/binding.js') as Partial<BindingModule>;
    cached = typeof m.binding?.InferenceSession === 'function' && typeof m.initOrt === 'function' ? (m as BindingModule) : null;
  } catch {
    cached = null;
  }
  return cached;
}

function metadataOf(raw: readonly RawMetadata[]): { names: string[]; meta: NonNullable<OrtSessionLike['inputMetadata']>[number][] } {
  return {
    names: raw.map((m) => m.name),
    meta: raw.map((m) =>
      m.isTensor
        ? { name: m.name, isTensor: true, type: TYPES[m.type] ?? `type ${m.type}`, shape: m.shape.map((d, i) => (d === -1 ? (m.symbolicDimensions[i] ?? -1) : d)) }
        : { name: m.name, isTensor: false },
    ),
  };
}

/**
 * Loads `path` straight into onnxruntime-node's native session (initialising the runtime as the
 * public API does on its first session). Null when the binding is not available.
 */
export function openNativeSession(path: string, options: object): OrtSessionLike | null {
  const mod = bindingModule();
  if (!mod) return null;
  mod.initOrt();
  const native = new mod.binding.InferenceSession();
  native.loadModel(path, options);
  const inputs = metadataOf(native.inputMetadata);
  const outputs = metadataOf(native.outputMetadata);
  const all = Object.fromEntries(outputs.names.map((n) => [n, null]));
  const noOptions = {};
  return {
    inputNames: inputs.names,
    outputNames: outputs.names,
    inputMetadata: inputs.meta,
    outputMetadata: outputs.meta,
    run(feeds, fetches) {
      const wanted = fetches === undefined ? all : Array.isArray(fetches) ? Object.fromEntries(fetches.map((n) => [n, null])) : fetches;
      try {
        return Promise.resolve(native.run(feeds, wanted, noOptions));
      } catch (e) {
        return Promise.reject(e as Error);
      }
    },
    release: async () => native.dispose(),
  };
}
