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

/**
 * Caller-owned tensors bound to a session once ({@link InferenceSession.bind}): every `run()` reads
 * the inputs' current contents, so a hot loop rewrites a few typed-array entries instead of building
 * tensor objects per call.
 */
export interface BoundSession {
  /**
   * Runs the graph. With bound outputs the results are written into them and the promise resolves to
   * those same tensors; without, it resolves to fresh tensors the caller may keep.
   */
  run(): Promise<Readonly<Record<string, Tensor>>>;
}

/** A loaded graph. `run` must not keep references to the feeds after it resolves. */
export interface InferenceSession {
  readonly inputs: readonly ValueInfo[];
  readonly outputs: readonly ValueInfo[];
  run(feeds: Readonly<Record<string, Tensor>>): Promise<Record<string, Tensor>>;
  /**
   * Optional fast path (runtime adapters implement it; {@link bindSession} falls back to `run`):
   * binds `feeds` and, if given, `outputs` (exactly the outputs to compute, pre-allocated with their
   * final dims). Bound tensors must keep their dims; their data may change between runs.
   */
  bind?(feeds: Readonly<Record<string, Tensor>>, outputs?: Readonly<Record<string, Tensor>>): BoundSession;
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

/** Copies `from` into the pre-allocated `into`, or says which graph output does not fit. */
export function copyOutputInto(from: Tensor, into: Tensor, name: string, graph: string): void {
  if (from.data.length !== into.data.length || from.type !== into.type) {
    throw new Error(
      `${graph}: output "${name}" is ${from.type}[${from.dims.join(',')}], the bound buffer ${into.type}[${into.dims.join(',')}]; the graph does not have the shapes its inputs imply`,
    );
  }
  (into.data as Float32Array).set(from.data as Float32Array);
}

/**
 * `session.bind` when the runtime adapter has it; otherwise the same contract over `run` (one call
 * per run, results copied into the bound outputs), so test doubles and other runtimes still work.
 */
export function bindSession(
  session: InferenceSession,
  feeds: Readonly<Record<string, Tensor>>,
  outputs?: Readonly<Record<string, Tensor>>,
  graph = 'session',
): BoundSession {
  if (session.bind) return session.bind(feeds, outputs);
  if (!outputs) return { run: () => session.run(feeds) };
  const names = Object.keys(outputs);
  return {
    async run() {
      const out = await session.run(feeds);
      for (const name of names) copyOutputInto(requireOutput(out, name, graph), outputs[name]!, name, graph);
      return outputs;
    },
  };
}
