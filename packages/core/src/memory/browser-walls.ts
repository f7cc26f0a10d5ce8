/**
 * The browser's memory walls, as facts every package may name (the browser runner enforces the
 * first, reports draw both on the memory-vs-length chart).
 */

/**
 * Chromium's ceiling for one `Response.arrayBuffer()`: 2 GiB - 2 MiB = 2,145,386,496 bytes (one byte
 * more rejects with "TypeError: Failed to fetch"), which is PartitionAlloc's largest direct-mapped
 * allocation. It is not an ArrayBuffer limit: `new ArrayBuffer(2.3e9)` works, and so does streaming a
 * bigger body into one. Measured in Chromium 156 on a network response and on a synthetic stream;
 * packages/harness/test/browser-big.e2e.test.ts checks both sides of it on every CI run, and
 * `tsx packages/runner-browser/src/fetch-ceiling-cli.ts` measures it again by bisection (after a
 * Chromium upgrade). The browser runner's array-buffer loader is bound by it (docs/browser-loading.md).
 */
export const CHROMIUM_ARRAY_BUFFER_MAX_BYTES = 2 ** 31 - 2 ** 21;

/** The most a wasm32 instance's linear memory can grow to: onnxruntime-web's heap holds the weights and activations in it. */
export const WASM32_HEAP_MAX_BYTES = 2 ** 32;
