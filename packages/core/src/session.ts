/**
 * The one small interface every runtime adapter implements. Core code talks only to this, so the same
 * decoding runs on onnxruntime-node, onnxruntime-web (wasm, WebGPU) or a test double.
 */

/** Element types the Parakeet graphs exchange at their boundaries. */
export type TensorType = 'float32' | 'int32' | 'int64';

/** Typed array for each {@link TensorType}. */
export interface TensorDataMap {
  float32: Float32Array;
  int32: Int32Array;
  int64: BigInt64Array;
}

/** A plain, runtime-neutral tensor: runners convert to and from their own tensor class. */
export interface Tensor<T extends TensorType = TensorType> {
  readonly type: T;
  readonly data: TensorDataMap[T];
  readonly dims: readonly number[];
}

/** Declared input or output of a graph; symbolic dimensions are strings, unknown ones null. */
export interface ValueInfo {
  readonly name: string;
  readonly type: string;
  readonly shape: readonly (number | string | null)[];
}

/** A loaded graph. `run` must not keep references to the feeds after it resolves. */
export interface InferenceSession {
  readonly inputs: readonly ValueInfo[];
  readonly outputs: readonly ValueInfo[];
  run(feeds: Readonly<Record<string, Tensor>>): Promise<Record<string, Tensor>>;
  release(): Promise<void>;
}

/**
 * What core needs from an environment to load a model directory: read small text files and open
 * graphs. Paths are relative to the model directory; the runner decides how bytes are reached.
 */
export interface ModelSource {
  /** Human-readable location for error messages (a path or URL). */
  readonly location: string;
  readText(file: string): Promise<string>;
  exists(file: string): Promise<boolean>;
  createSession(file: string): Promise<InferenceSession>;
}

/** Builds a float32 tensor. */
export function f32(data: Float32Array, dims: readonly number[]): Tensor<'float32'> {
  return { type: 'float32', data, dims };
}

/** Builds an int32 tensor. */
export function i32(data: Int32Array, dims: readonly number[]): Tensor<'int32'> {
  return { type: 'int32', data, dims };
}

/** Builds an int64 tensor. */
export function i64(data: BigInt64Array, dims: readonly number[]): Tensor<'int64'> {
  return { type: 'int64', data, dims };
}

/** Returns the named output or throws an error naming the graph and what it does have. */
export function requireOutput(
  outputs: Record<string, Tensor>,
  name: string,
  graph: string,
): Tensor {
  const t = outputs[name];
  if (!t) {
    throw new Error(
      `${graph}: expected output "${name}", got [${Object.keys(outputs).join(', ')}]`,
    );
  }
  return t;
}
