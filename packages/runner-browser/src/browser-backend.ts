/**
 * The web-wasm, web-webgpu and web-hybrid backends: the clips (already decoded in Node by the harness) are
 * served to a fresh headless Chromium whose page runs the same core pipeline on onnxruntime-web; the
 * transcripts come back clip by clip and are scored by the harness like any other backend's.
 */
import type { Backend, BackendName, ClipTranscript, TranscribeOk, TranscribeRequest, TranscribeUnsupported } from '@parakeet-bench/core';
import { CACHED_ENCODER_NOTE, DEFAULT_MODEL_LOADER, MemoryMeter, PhaseError, nowMs, phase } from '@parakeet-bench/core';
import type { BenchBrowser } from './bench-browser.ts';
import { openBenchBrowser } from './bench-browser.ts';
import type { ExtraProcessType } from './browser-memory.ts';
import { browserMemoryProbe } from './browser-memory.ts';
import type { BrowserLimits, GraphPlan } from './browser-limits.ts';
import { DEFAULT_BROWSER_LIMITS, planBrowserModel } from './browser-limits.ts';
import { missingWebGpuReason, pageBackend, placementNotes, usesWebGpu, webGpuFloat16Graphs } from './backend-traits.ts';
import { BrowserClipCache } from './browser-tensor-cache.ts';
import { PAGE_HTML, PAGE_PATHS, buildPageBundle, ortWebDistDir } from './page-bundle.ts';
import type { PageEnvironment, PageExternalData, PageLoadRequest } from './page/page-protocol.ts';
import { startStaticServer } from './static-server.ts';

/** Backends this runner serves. */
export const BROWSER_BACKENDS: readonly BackendName[] = ['web-wasm', 'web-webgpu', 'web-hybrid'];

/** Knobs for tests and callers; the registered backends use the defaults. */
export interface BrowserRunOptions {
  readonly limits?: BrowserLimits;
  /** Deadline of each page call (load, one clip); absent = only the sweep's per-config timeout. */
  readonly callTimeoutMs?: number;
  /** Browser binary (default: CHROME_PATH, else /usr/bin/chromium). */
  readonly executablePath?: string;
}

const fileUrl = (file: string): string => PAGE_PATHS.model + file.split('/').map(encodeURIComponent).join('/');

function externalDataOf(graphs: readonly GraphPlan[]): Record<string, PageExternalData[]> {
  const out: Record<string, PageExternalData[]> = {};
  for (const g of graphs) out[g.file] = g.externalData.map((e) => ({ path: e.path, file: e.file, url: fileUrl(e.file) }));
  return out;
}

/** The runtime block of a browser result. */
function runtimeOf(env: PageEnvironment | null, browserVersion: string | null): TranscribeOk['runtime'] {
  return { runtime: 'onnxruntime-web', runtimeVersion: env?.ortVersion ?? 'unknown', ...(browserVersion ? { browser: browserVersion } : {}) };
}

/** Runs one request in a fresh Chromium; a request the browser cannot load returns without launching one. */
export async function transcribeInBrowser(req: TranscribeRequest, options: BrowserRunOptions = {}): Promise<TranscribeOk | TranscribeUnsupported> {
  const { backend } = req;
  if (!BROWSER_BACKENDS.includes(backend)) {
    throw new PhaseError('plan', new Error(`runner-browser runs web-wasm and web-webgpu, not ${backend} (and web-hybrid, the two in one page)`));
  }
  if ((req.batchSize ?? 1) > 1) {
    // Checked before Chromium starts: the page transcribes one clip per call from this process.
    return { status: 'unsupported', reason: `${backend}: batch size ${req.batchSize} is not supported (the browser page transcribes clip by clip); throughput mode runs on node-cpu, or use batch size 1`, runtime: runtimeOf(null, null) };
  }
  const limits = options.limits ?? DEFAULT_BROWSER_LIMITS;
  const loader = req.loader ?? DEFAULT_MODEL_LOADER;
  const plan = await phase('plan', () => planBrowserModel(req.variant, backend, limits, loader));
  if (plan.status === 'unsupported') return { status: 'unsupported', reason: plan.reason, runtime: runtimeOf(null, null) };

  const bundle = await phase('bundle', () => buildPageBundle(loader === 'jspi-blob' ? 'jspi' : 'default'));
  const server = await startStaticServer({
    roots: { [PAGE_PATHS.ort]: ortWebDistDir(), [PAGE_PATHS.model]: req.variant.dir },
    files: { [PAGE_PATHS.html]: PAGE_HTML, [PAGE_PATHS.bundle]: bundle },
  });
  req.clips.forEach((c, i) => server.setFile(`${PAGE_PATHS.audio}${i}.f32`, new Uint8Array(c.buffer, c.byteOffset, c.byteLength)));
  let browser: BenchBrowser | null = null;
  try {
    browser = await phase('launch', () =>
      openBenchBrowser(server, {
        webgpu: usesWebGpu(backend),
        ...(options.executablePath ? { executablePath: options.executablePath } : {}),
        ...(options.callTimeoutMs !== undefined ? { callTimeoutMs: options.callTimeoutMs } : {}),
      }),
    );
    const b = browser;
    req.progress(`chromium pid ${b.pid ?? '?'}`);
    const env = await phase('launch', () => b.environment());
    const runtime = runtimeOf(env, await b.chromium.browser.version());
    const notes = [...plan.notes, ...placementNotes(plan, backend)];
    if (!env.crossOriginIsolated) throw new PhaseError('launch', new Error('page is not crossOriginIsolated: the server must send COOP same-origin + COEP require-corp for wasm threads'));
    if (usesWebGpu(backend)) {
      if (!env.webgpu.ok) {
        const unsupported = missingWebGpuReason(backend, env.webgpu.reason);
        if (unsupported) return { status: 'unsupported', reason: unsupported, runtime };
        throw new PhaseError('webgpu', new Error(`WebGPU is not available in this headless Chromium: ${env.webgpu.reason}; it needs --enable-unsafe-webgpu with a SwiftShader/Vulkan adapter (see @parakeet-bench/chromium WEBGPU_ARGS)`));
      }
      const f16 = env.webgpu.features.includes('shader-f16');
      notes.push(`webgpu adapter: ${env.webgpu.vendor}/${env.webgpu.architecture}, shader-f16 ${f16 ? 'yes' : 'no'}`);
      const onGpu = webGpuFloat16Graphs(plan, backend);
      if (onGpu.length > 0 && !f16) {
        return { status: 'unsupported', reason: `${backend}: ${onGpu.join(', ')} hold float16 weights but the WebGPU adapter (${env.webgpu.architecture}) lacks shader-f16`, runtime };
      }
    }
    await phase('audio', () => b.call('fetchAudio', req.clips.map((_, i) => `${PAGE_PATHS.audio}${i}.f32`)));
    const runtimeRequest = { ...pageBackend(backend), threads: req.threads };
    notes.push(await phase('load', () => b.call('initRuntime', runtimeRequest)));
    const extra: ExtraProcessType[] = [...(usesWebGpu(backend) ? (['GPU'] as const) : []), ...(loader === 'jspi-blob' ? (['browser'] as const) : [])];
    const meter = new MemoryMeter(await phase('memory', () => b.outside(() => browserMemoryProbe(b.chromium.browser, extra))));
    await phase('memory', () => b.outside(() => meter.runtimeReady()));
    req.progress(`loading ${plan.variant.id} on ${backend}`);
    const t0 = nowMs();
    const request: PageLoadRequest = {
      ...runtimeRequest,
      variant: plan.variant,
      modelBase: PAGE_PATHS.model,
      externalData: externalDataOf(plan.graphs),
      loader,
      maxFetchBytes: limits.maxFetchBytes,
    };
    const loaded = await phase('load', () => b.call('load', request));
    notes.push(...loaded.notes);
    const loadMs = nowMs() - t0;
    await phase('memory', () => b.outside(() => meter.modelLoaded()));
    const passes: ClipTranscript[][] = [];
    const cache = new BrowserClipCache(b, server, req.cache);
    for (let k = 0; k < req.repeats; k++) {
      const pass = req.repeats > 1 ? ` (repeat ${k + 1}/${req.repeats})` : '';
      const clips: ClipTranscript[] = [];
      for (const [index] of req.clips.entries()) {
        // Each phase is its own page call, so the renderer's high-water mark is reset between them.
        const measured = await phase('transcribe', () => cache.transcribe(index, req.decoder, k === 0, (fn) => b.outside(() => meter.measure(fn))));
        if (measured.encodePeakBytes !== null) meter.note('encode', measured.encodePeakBytes);
        if (measured.decodePeakBytes !== null) meter.note('decode', measured.decodePeakBytes);
        clips.push(measured.clip);
        req.progress(`clip ${index + 1}/${req.clips.length}${pass}`);
      }
      passes.push(clips);
    }
    const { featureCache, encoderCache } = cache.use;
    if (encoderCache === 'hit' || encoderCache === 'partial') notes.push(CACHED_ENCODER_NOTE);
    const stats = await phase('transcribe', () => b.call('stats', undefined));
    const memory = meter.reading();
    return {
      status: 'ok',
      passes,
      variant: plan.variant,
      vocabSize: loaded.vocabSize,
      loadMs,
      memory,
      runtime,
      notes,
      decoderCalls: stats.calls,
      decoderRows: stats.rows,
      featureCache,
      encoderCache,
    };
  } finally {
    await browser?.close();
    await server.close();
  }
}

/** onnxruntime-web's wasm execution provider (1..N threads) in headless Chromium. */
export const webWasmBackend: Backend = { transcribe: (req) => transcribeInBrowser(req) };

/** onnxruntime-web's WebGPU execution provider in headless Chromium. */
export const webGpuBackend: Backend = { transcribe: (req) => transcribeInBrowser(req) };

/** The encoder on onnxruntime-web's WebGPU provider, preprocessor and decoder_joint on wasm, in one page. */
export const webHybridBackend: Backend = { transcribe: (req) => transcribeInBrowser(req) };
