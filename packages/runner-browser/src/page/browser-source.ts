/**
 * A core ModelSource over HTTP for onnxruntime-web: every file is fetched straight to bytes and
 * sessions are created from bytes, with external data handed over under the exact location strings
 * the graph uses (onnxruntime-web cannot read files itself).
 */
import type * as OrtWeb from 'onnxruntime-web';
import type { InferenceSession, ModelSource, OrtSessionLike, OrtTensorCtor } from '@parakeet-bench/core';
import { wrapOrtSession } from '@parakeet-bench/core';
import type { PageLoadRequest } from './page-protocol.ts';

const EXECUTION_PROVIDERS: Readonly<Record<PageLoadRequest['backend'], readonly string[]>> = {
  'web-wasm': ['wasm'],
  'web-webgpu': ['webgpu'],
};

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Builds the ModelSource `loadParakeet` reads the variant through. */
export function browserModelSource(ort: typeof OrtWeb, request: PageLoadRequest): ModelSource {
  const url = (file: string): string => request.modelBase + file.split('/').map(encodeURIComponent).join('/');
  return {
    location: request.modelBase,
    async readText(file) {
      const res = await fetch(url(file));
      if (!res.ok) throw new Error(`${url(file)}: HTTP ${res.status}`);
      return res.text();
    },
    async exists(file) {
      const res = await fetch(url(file), { method: 'HEAD' });
      return res.ok;
    },
    async createSession(file): Promise<InferenceSession> {
      const bytes = await fetchBytes(url(file));
      const externalData = [];
      for (const e of request.externalData[file] ?? []) externalData.push({ path: e.path, data: await fetchBytes(e.url) });
      const session = await ort.InferenceSession.create(bytes, {
        executionProviders: [...EXECUTION_PROVIDERS[request.backend]],
        graphOptimizationLevel: 'all',
        ...(externalData.length > 0 ? { externalData } : {}),
      });
      // No preallocatedOutputs: onnxruntime-web (wasm) copies pre-allocated output tensors into its
      // heap and never back, so bound outputs are fetched by name and copied in by the adapter.
      return wrapOrtSession(session as unknown as OrtSessionLike, ort.Tensor as unknown as OrtTensorCtor, { preallocatedOutputs: false });
    },
  };
}
