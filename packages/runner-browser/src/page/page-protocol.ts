/**
 * The contract between the Node side and the benchmark page. Calls are started with one short
 * `page.evaluate` and polled, so no single CDP call outlives puppeteer's protocol timeout however long
 * a model load or a 390 s pass takes, and a crashed tab shows up at the next poll.
 */
import type { ClipTranscript, DecoderConfig, ModelLoader, ModelVariant } from '@parakeet-bench/core';

/** One external-data file: `path` as the graph names it, `file` relative to the model dir, `url` where the page fetches it. */
export interface PageExternalData {
  readonly path: string;
  readonly file: string;
  readonly url: string;
}

/** How the page sets onnxruntime-web up: execution provider and wasm threads. */
export interface PageRuntimeRequest {
  readonly backend: 'web-wasm' | 'web-webgpu';
  /**
   * web-hybrid: the encoder alone runs on WebGPU, the preprocessor and decoder_joint on `backend`
   * (wasm); absent: every graph on `backend`.
   */
  readonly encoderOnWebGpu?: boolean;
  /** ort.env.wasm.numThreads; 0 keeps onnxruntime-web's default. */
  readonly threads: number;
}

/** Everything the page needs to open a model variant. */
export interface PageLoadRequest extends PageRuntimeRequest {
  readonly variant: ModelVariant;
  /** URL prefix of the model directory, ending in `/`. */
  readonly modelBase: string;
  /** Graph file (relative to the model dir) -> its external-data files. */
  readonly externalData: Readonly<Record<string, readonly PageExternalData[]>>;
  /** How the page gets the bytes to onnxruntime-web. */
  readonly loader: ModelLoader;
  /** The array-buffer loader's ceiling for one file (the page names it when a read fails past it). */
  readonly maxFetchBytes: number;
}

/** Outcome of reading a synthetic body of `bytes` with `Response.arrayBuffer()`. */
export type ArrayBufferProbe =
  | { readonly ok: true; readonly bytes: number; readonly ms: number }
  | { readonly ok: false; readonly error: string; readonly ms: number };

/** What the page reports about its runtime. */
export interface PageEnvironment {
  readonly ortVersion: string;
  readonly crossOriginIsolated: boolean;
  readonly userAgent: string;
  readonly hardwareConcurrency: number;
  /** null when navigator.gpu or an adapter is missing; `reason` says which. */
  readonly webgpu: { readonly ok: true; readonly architecture: string; readonly vendor: string; readonly features: readonly string[] } | { readonly ok: false; readonly reason: string };
}

/** Shape and stage time of a cached tensor (features: bins x frames; encoder output: frames x dim). */
export interface PageTensorMeta {
  readonly kind: 'features' | 'encoded';
  /** Feature bins, or the encoder output dimension. */
  readonly width: number;
  readonly frames: number;
  readonly length: number;
  /** Stage time measured when the tensor was computed. */
  readonly ms: number;
}

/** A cached tensor the page fetches instead of computing it. */
export interface PageCachedTensor extends PageTensorMeta {
  readonly url: string;
  /** An encoder output: the encode phase's memory peak stored with it (the page measures nothing itself). */
  readonly encodePeakBytes?: number;
}

/** One slice of a tensor the page computed, for the Node side to store (base64 of float32 bytes). */
export interface PageTensorSlice {
  readonly meta: PageTensorMeta;
  readonly totalBytes: number;
  readonly base64: string;
}

/** Calls the page can run; each maps to one async function in the page. */
export interface PageCalls {
  /** Fetches the raw float32 clips into page memory; returns their sample counts. */
  fetchAudio(urls: readonly string[]): Promise<number[]>;
  /**
   * Initialises onnxruntime-web as the model will use it and runs core's warm-up graph once (the
   * runtime baseline is read after it); returns the execution provider note.
   */
  initRuntime(request: PageRuntimeRequest): Promise<string>;
  /** Opens the variant; returns notes (e.g. the loader's timings) and the vocabulary size. */
  load(request: PageLoadRequest): Promise<{ readonly notes: string[]; readonly vocabSize: number }>;
  /**
   * Runs nemo128 and the encoder on clip `index` of those fetched, keeping the result in the page for
   * `decode`. `cached`: tensors from the Node side's tensor cache to use instead of running nemo128 /
   * the encoder; `capture`: keep what the page computes for {@link PageCalls.takeTensor}.
   */
  encode(args: { readonly index: number; readonly cached?: readonly PageCachedTensor[]; readonly capture?: boolean }): Promise<void>;
  /** Decodes the clip `encode` kept (and drops it). */
  decode(args: { readonly index: number; readonly decoder: DecoderConfig }): Promise<ClipTranscript>;
  /**
   * The bytes from `offset` (at most a few MiB) of a tensor captured while encoding clip `index`;
   * null when none was captured. The page forgets the tensor once its last slice is read.
   */
  takeTensor(args: { readonly index: number; readonly kind: PageTensorMeta['kind']; readonly offset: number }): Promise<PageTensorSlice | null>;
  /** Decoder-joint call statistics of the loaded model. */
  stats(): Promise<{ readonly calls: number; readonly rows: number }>;
  /** Reads a synthetic stream of `bytes` with `new Response(stream).arrayBuffer()` (the fetch ceiling probe). */
  probeArrayBuffer(bytes: number): Promise<ArrayBufferProbe>;
}

/** Name of a page call. */
export type PageCallName = keyof PageCalls;

/** State of a started call. */
export type PageCallState =
  | { readonly state: 'running' }
  | { readonly state: 'done'; readonly value: unknown }
  | { readonly state: 'error'; readonly message: string; readonly stack?: string };

/** The object the page installs as `window.parakeetBench`. */
export interface PageApi {
  readonly ready: true;
  environment(): Promise<PageEnvironment>;
  start(name: PageCallName, arg: unknown): number;
  poll(id: number): PageCallState;
}
