/**
 * Entry of the benchmark page bundle: runs the same core pipeline as node-cpu, on onnxruntime-web.
 * Installs `window.parakeetBench` (see page-protocol.ts); the Node side drives it.
 */
import * as ort from 'onnxruntime-web';
import type { EncodedClip, ParakeetModel } from '@parakeet-bench/core';
import { WARM_UP_IO, checkWarmUp, decodeClip, encodeClip, loadParakeet, warmUpGraph } from '@parakeet-bench/core';
import type { LoadTally } from './browser-source.ts';
import { browserModelSource, collectGarbage, loadNote, sessionOptionsFor } from './browser-source.ts';
import { probeArrayBuffer } from './model-loaders.ts';
import { executionNote, hybridModelSource } from './hybrid-source.ts';
import { pageClipCache, takeTensorSlice } from './page-cache.ts';
import { probeWebGpu } from './webgpu-probe.ts';
import type { PageApi, PageCallName, PageCallState, PageCalls, PageRuntimeRequest } from './page-protocol.ts';

/** Where the server mounts onnxruntime-web's dist folder. */
const ORT_BASE = '/ort/';

const clips: Float32Array[] = [];
const encoded = new Map<number, EncodedClip>();
let model: ParakeetModel | null = null;
/** The warm-up sessions stay open: releasing them could shrink what the runtime baseline measured. */
const warmUp: Partial<Record<PageRuntimeRequest['backend'], ort.InferenceSession>> = {};

function configureOrt(request: PageRuntimeRequest): void {
  ort.env.wasm.wasmPaths = ORT_BASE;
  ort.env.wasm.numThreads = request.threads;
  ort.env.wasm.proxy = false;
}

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
  async initRuntime(request) {
    configureOrt(request);
    // Every provider the model will use runs the warm-up graph (web-hybrid: wasm and WebGPU).
    const backends: PageRuntimeRequest['backend'][] = request.encoderOnWebGpu ? [request.backend, 'web-webgpu'] : [request.backend];
    for (const backend of backends) {
      const options = sessionOptionsFor(backend);
      const ep = String(options.executionProviders?.[0]);
      const session = (warmUp[backend] ??= await ort.InferenceSession.create(warmUpGraph(), options));
      const out = await session.run({ [WARM_UP_IO.input]: new ort.Tensor('float32', Float32Array.of(WARM_UP_IO.x), [1]) });
      checkWarmUp(out[WARM_UP_IO.output]?.data as Float32Array | undefined, `onnxruntime-web (${ep})`);
    }
    // The baseline is read next: leave no garbage of the audio fetch or the warm-up in it.
    collectGarbage();
    const threads = request.threads === 0 ? 'default' : String(request.threads);
    return `onnxruntime-web ${ort.env.versions.web ?? '?'}: ${executionNote(request)}, wasm threads ${threads}`;
  },
  async load(request) {
    configureOrt(request);
    if (model) await model.release();
    const tally: LoadTally = { readBytes: 0, readMs: 0, createMs: 0 };
    const source = request.encoderOnWebGpu ? hybridModelSource(ort, request, tally) : browserModelSource(ort, request, tally);
    model = await loadParakeet(source, request.variant);
    return { notes: [loadNote(request.loader, tally, collectGarbage())], vocabSize: model.vocab.size };
  },
  async encode({ index, cached, capture }) {
    if (!model) throw new Error('encode called before load');
    const samples = clips[index];
    if (!samples) throw new Error(`no clip ${index} (fetched ${clips.length})`);
    const cache = cached?.length || capture ? { cache: pageClipCache(index, cached ?? [], capture ?? false) } : {};
    encoded.set(index, await encodeClip(model, samples, index, cache));
  },
  async decode({ index, decoder }) {
    const clip = encoded.get(index);
    if (!model || !clip) throw new Error(`decode called for clip ${index} before encode`);
    encoded.delete(index);
    return decodeClip(model, clip, decoder);
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
