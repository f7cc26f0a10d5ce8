/**
 * The trivial graph a backend runs before the model loads, so the runtime baseline includes the
 * runtime's start-up (allocator, thread pool; onnxruntime-web's wasm instance and heap; a WebGPU
 * device) and model memory does not. One Add node, y = x + x on float32 [1], opset 17, 148 bytes;
 * packages/fixture/src/onnx/warm-up-graph.test.ts rebuilds it with the fixture's graph builder and
 * checks these bytes.
 */

const WARM_UP_GRAPH_BASE64 =
  'CAgSDnBhcmFrZWV0LWJlbmNoOnoKHgoBeAoBeBIKQWRkXzBfb3V0MBoFQWRkXzAiA0FkZAolCgpBZGRfMF9vdXQwEgF5GgpJZGVudGl0eV8xIghJZGVudGl0eRIPcnVudGltZV93YXJtX3VwWg8KAXgSCgoICAESBAoCCAFiDwoBeRIKCggIARIECgIIAUIECgAQEQ==';

/** The warm-up graph's ONNX bytes (a fresh copy: runtimes may take ownership of the buffer). */
export function warmUpGraph(): Uint8Array {
  return Uint8Array.from(atob(WARM_UP_GRAPH_BASE64), (c) => c.charCodeAt(0));
}

/** Input and expected output of the warm-up run: the runtime must really compute, so the answer is checked. */
export const WARM_UP_IO = { input: 'x', output: 'y', x: 1.5, y: 3 } as const;

/** Throws unless the warm-up run produced {@link WARM_UP_IO}.y (a runtime that cannot run a trivial graph cannot run the model). */
export function checkWarmUp(y: ArrayLike<number> | undefined, runtime: string): void {
  if (y?.[0] !== WARM_UP_IO.y) throw new Error(`${runtime}: the warm-up graph (y = x + x) returned ${String(y?.[0])} for x = ${WARM_UP_IO.x}, not ${WARM_UP_IO.y}`);
}
