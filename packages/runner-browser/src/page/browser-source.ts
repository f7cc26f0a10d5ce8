/**
 * A core ModelSource over HTTP for onnxruntime-web. Each graph is opened with the request's loader:
 * the page reads the graph and its external data (handed over under the exact location strings the
 * graph uses) with `array-buffer` or `stream`, or gives onnxruntime-web their URLs (`ort-url`). The
 * page's copies are dropped as soon as the session exists, and collected when the page may force it.
 */
import type * as OrtWeb from 'onnxruntime-web';
import type { InferenceSession, ModelSource, OrtSessionLike, OrtTensorCtor } from '@parakeet-bench/core';
import { ModelFileError, modelFilePath, wrapOrtSession } from '@parakeet-bench/core';
import type { FileRef, PageReadLoader } from './model-loaders.ts';
import { FILE_READERS, fetchOk } from './model-loaders.ts';
import type { PageExternalData, PageLoadRequest } from './page-protocol.ts';

const EXECUTION_PROVIDERS: Readonly<Record<PageLoadRequest['backend'], readonly string[]>> = {
  'web-wasm': ['wasm'],
  'web-webgpu': ['webgpu'],
};

type SessionOptions = OrtWeb.InferenceSession.SessionOptions;

/** Session options of every graph the page opens on `backend` (the warm-up graph's too). */
export function sessionOptionsFor(backend: PageLoadRequest['backend']): SessionOptions {
  return { executionProviders: [...EXECUTION_PROVIDERS[backend]], graphOptimizationLevel: 'all' };
}

/** Collects garbage now when Chromium runs with --js-flags=--expose-gc (the bench browser does). */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return gc !== undefined;
}

/** onnxruntime-web fetches the graph and its external data itself; its errors get our file names. */
async function createFromUrls(ort: typeof OrtWeb, graph: FileRef, data: readonly (PageExternalData & FileRef)[], options: SessionOptions) {
  try {
    return await ort.InferenceSession.create(graph.url, { ...options, ...(data.length ? { externalData: data.map((e) => ({ path: e.path, data: e.url })) } : {}) });
  } catch (e) {
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const named = [graph, ...data].find((f) => message.includes(f.url));
    if (named) throw new ModelFileError(named.display, `onnxruntime-web could not fetch it (${message.split(named.url).join(named.display)})`);
    if (/failed to fetch|network/i.test(message)) {
      throw new ModelFileError(graph.display, `onnxruntime-web could not fetch it or its external data ${data.map((d) => d.display).join(', ')} (${message})`);
    }
    throw e;
  }
}

/**
 * The page reads the graph and its external data, then hands the bytes over. The copies live only in
 * this frame: once it returns, nothing in the page holds them (onnxruntime-web unmounts its own).
 */
async function createFromBytes(
  ort: typeof OrtWeb,
  read: (typeof FILE_READERS)[PageReadLoader],
  files: { readonly graph: FileRef; readonly data: readonly (PageExternalData & FileRef)[] },
  options: SessionOptions,
  request: PageLoadRequest,
  tally: LoadTally,
) {
  const t0 = performance.now();
  const externalData = [];
  for (const e of files.data) externalData.push({ path: e.path, data: await read.data(e, request.maxFetchBytes) });
  const model = await read.graph(files.graph, request.maxFetchBytes);
  const t1 = performance.now();
  tally.readMs += t1 - t0;
  tally.readBytes += externalData.reduce((n, e) => n + (e.data instanceof Blob ? e.data.size : e.data.byteLength), model.byteLength);
  const session = await ort.InferenceSession.create(model, { ...options, ...(externalData.length ? { externalData } : {}) });
  tally.createMs += performance.now() - t1;
  return session;
}

/** Where the page's load time went: reading files (array-buffer, stream) vs creating sessions. */
export interface LoadTally {
  readBytes: number;
  readMs: number;
  createMs: number;
}

/** One line for the result notes: what the loader read and how long each part took. */
export function loadNote(loader: PageLoadRequest['loader'], t: LoadTally, collected: boolean): string {
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const freed = `page copies dropped${collected ? ' and collected (gc)' : ''} after each session was created`;
  if (loader === 'ort-url') return `loader ort-url: onnxruntime-web fetched the files and created the sessions in ${s(t.createMs)}`;
  const read = `read ${t.readBytes.toLocaleString('en-US')} bytes in ${s(t.readMs)}, created the sessions in ${s(t.createMs)}`;
  if (loader === 'jspi-blob') return `loader jspi-blob: onnxruntime-web's JSPI build; external data fetched as Blobs and read one tensor at a time; ${read}; ${freed}`;
  return `loader ${loader}: ${read}; ${freed}`;
}

/** Builds the ModelSource `loadParakeet` reads the variant through; errors name files under the variant's directory. */
export function browserModelSource(ort: typeof OrtWeb, request: PageLoadRequest, tally: LoadTally): ModelSource {
  const ref = (file: string): FileRef => ({
    url: request.modelBase + file.split('/').map(encodeURIComponent).join('/'),
    display: modelFilePath(request.variant.dir, file),
  });
  const options = sessionOptionsFor(request.backend);
  return {
    location: request.variant.dir,
    async readText(file) {
      return (await fetchOk(ref(file))).text();
    },
    async exists(file) {
      const res = await fetch(ref(file).url, { method: 'HEAD' });
      return res.ok;
    },
    async createSession(file): Promise<InferenceSession> {
      const data = (request.externalData[file] ?? []).map((e) => ({ ...e, display: modelFilePath(request.variant.dir, e.file) }));
      const t0 = performance.now();
      const session =
        request.loader === 'ort-url'
          ? await createFromUrls(ort, ref(file), data, options)
          : await createFromBytes(ort, FILE_READERS[request.loader], { graph: ref(file), data }, options, request, tally);
      if (request.loader === 'ort-url') tally.createMs += performance.now() - t0;
      // onnxruntime-web has its own copy now (wasm heap or GPU buffers): free the page's before the next graph.
      collectGarbage();
      // No preallocatedOutputs: onnxruntime-web (wasm) copies pre-allocated output tensors into its
      // heap and never back, so bound outputs are fetched by name and copied in by the adapter.
      return wrapOrtSession(session as unknown as OrtSessionLike, ort.Tensor as unknown as OrtTensorCtor, { preallocatedOutputs: false });
    },
  };
}
