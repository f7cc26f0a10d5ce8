/**
 * The web-hybrid model source: the encoder (the heavy, parallel graph) on WebGPU, the preprocessor and
 * the small, call-per-token decoder_joint on wasm, where a call costs no GPU round trip. Both in one
 * page and one onnxruntime-web instance; each graph's session is created with its own provider.
 */
import type * as OrtWeb from 'onnxruntime-web';
import type { ModelSource } from '@parakeet-bench/core';
import type { LoadTally } from './browser-source.ts';
import { browserModelSource } from './browser-source.ts';
import type { PageLoadRequest, PageRuntimeRequest } from './page-protocol.ts';

/** A source whose encoder sessions use WebGPU and every other session wasm (both read with the request's loader). */
export function hybridModelSource(ort: typeof OrtWeb, request: PageLoadRequest, tally: LoadTally): ModelSource {
  const wasm = browserModelSource(ort, { ...request, backend: 'web-wasm' }, tally);
  const gpu = browserModelSource(ort, { ...request, backend: 'web-webgpu' }, tally);
  return {
    location: wasm.location,
    readText: (file) => wasm.readText(file),
    exists: (file) => wasm.exists(file),
    createSession: (file) => (file === request.variant.encoderFile ? gpu : wasm).createSession(file),
  };
}

/** The note a loaded model records about where its graphs run. */
export function executionNote(request: PageRuntimeRequest): string {
  if (request.encoderOnWebGpu) return 'encoder on webgpu EP, preprocessor and decoder_joint on wasm EP';
  return `${request.backend === 'web-webgpu' ? 'webgpu' : 'wasm'} EP`;
}
