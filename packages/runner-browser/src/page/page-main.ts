/**
 * Entry of the benchmark page bundle: runs the same core pipeline as node-cpu, on onnxruntime-web.
 * Installs `window.parakeetBench` (see page-protocol.ts); the Node side drives it.
 */
import * as ort from 'onnxruntime-web';
import type { ParakeetModel } from '@parakeet-bench/core';
import { loadParakeet, transcribeClip } from '@parakeet-bench/core';
import type { LoadTally } from './browser-source.ts';
import { browserModelSource, collectGarbage, loadNote } from './browser-source.ts';
import { probeArrayBuffer } from './model-loaders.ts';
import { executionNote, hybridModelSource } from './hybrid-source.ts';
import { pageClipCache, takeTensorSlice } from './page-cache.ts';
import { probeWebGpu } from './webgpu-probe.ts';
import type { PageApi, PageCallName, PageCallState, PageCalls } from './page-protocol.ts';

/** Where the server mounts onnxruntime-web's dist folder. */
const ORT_BASE = '/ort/';

const clips: Float32Array[] = [];
let model: ParakeetModel | null = null;

const calls: PageCalls = {
  async fetchAudio(urls) {
    clips.length = 0;
    for (const u of urls) {
      const res = await fetch(u);
      if (!res.ok) throw new Error(`${u}: HTTP ${res.status}`);
      clips.push(new Float32Array(await res.arrayBuffer()));
    }
    return clips.map((c) => c.length);
  },
  async load(request) {
    ort.env.wasm.wasmPaths = ORT_BASE;
    ort.env.wasm.numThreads = request.threads;
    ort.env.wasm.proxy = false;
    if (model) await model.release();
    const tally: LoadTally = { readBytes: 0, readMs: 0, createMs: 0 };
    const source = request.encoderOnWebGpu ? hybridModelSource(ort, request, tally) : browserModelSource(ort, request, tally);
    model = await loadParakeet(source, request.variant);
    const threads = request.threads === 0 ? 'default' : String(request.threads);
    return {
      notes: [`onnxruntime-web ${ort.env.versions.web ?? '?'}: ${executionNote(request)}, wasm threads ${threads}`, loadNote(request.loader, tally, collectGarbage())],
      vocabSize: model.vocab.size,
    };
  },
  async transcribe({ index, decoder, cached, capture }) {
    if (!model) throw new Error('transcribe called before load');
    const samples = clips[index];
    if (!samples) throw new Error(`no clip ${index} (fetched ${clips.length})`);
    const cache = cached?.length || capture ? { cache: pageClipCache(index, cached ?? [], capture ?? false) } : {};
    return transcribeClip(model, samples, decoder, index, cache);
  },
  async takeTensor({ index, kind, offset }) {
    return takeTensorSlice(index, kind, offset);
  },
  async stats() {
    return { calls: model?.joint.calls ?? 0, rows: model?.joint.rows ?? 0 };
  },
  async probeArrayBuffer(bytes) {
    const t0 = performance.now();
    const r = await probeArrayBuffer(bytes);
    collectGarbage();
    return { ...r, ms: performance.now() - t0 };
  },
};

const states = new Map<number, PageCallState>();
let nextId = 1;

const api: PageApi = {
  ready: true,
  environment: async () => ({
    ortVersion: ort.env.versions.web ?? 'unknown',
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    webgpu: await probeWebGpu(),
  }),
  start(name: PageCallName, arg: unknown) {
    const id = nextId++;
    states.set(id, { state: 'running' });
    const fn = calls[name] as (a: unknown) => Promise<unknown>;
    Promise.resolve()
      .then(() => fn(arg))
      .then(
        (value) => states.set(id, { state: 'done', value }),
        (e: unknown) => {
          const err = e instanceof Error ? e : new Error(String(e));
          states.set(id, { state: 'error', message: err.message, ...(err.stack ? { stack: err.stack } : {}) });
        },
      );
    return id;
  },
  poll(id) {
    const s = states.get(id) ?? { state: 'error', message: `unknown call id ${id}` };
    if (s.state !== 'running') states.delete(id);
    return s;
  },
};

(globalThis as unknown as { parakeetBench: PageApi }).parakeetBench = api;
