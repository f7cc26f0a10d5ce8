/**
 * The one interface a runtime backend implements (node-cpu in runner-node, web-wasm, web-webgpu and
 * web-hybrid in runner-browser). It lives in core, beside the session interface, so backends depend
 * on core alone and the harness, which owns the registry, depends on them: no package cycle.
 *
 * A backend gets the clips of one config already decoded to 16 kHz and returns what it measured;
 * datasets, caches, scoring and result files stay in the harness, so results differ between backends
 * only where the runtime does.
 */
import type { BackendName, BenchResult, DecoderConfig, ModelLoader } from './schema.ts';
import type { ModelVariant } from './model/variant.ts';
import type { ClipTranscript } from './protocol/clip-transcript.ts';
import type { ClipCache } from './transcribe-clip.ts';
import type { MemoryReading } from './memory/memory-schema.ts';

/** Cache outcome of one config: every clip hit, none did, some did, or no cache. */
export type CacheUse = 'hit' | 'miss' | 'partial' | 'off';

/** The runtime part of a result's environment block. */
export type RuntimeInfo = Pick<BenchResult['environment'], 'runtime' | 'runtimeVersion' | 'browser'>;

/** The clips of one config (or of the oracle) to transcribe on one backend. */
export interface TranscribeRequest {
  readonly backend: BackendName;
  readonly variant: ModelVariant;
  /** Intra-op threads; 0 lets the runtime choose. */
  readonly threads: number;
  readonly decoder: DecoderConfig;
  /** How a browser backend loads the model (default `array-buffer`); node-cpu opens files by path. */
  readonly loader?: ModelLoader;
  /** Mono 16 kHz clips, in order. */
  readonly clips: readonly Float32Array[];
  /** Timed passes over all clips (>= 1); every pass is returned. */
  readonly repeats: number;
  /**
   * Clips transcribed together (throughput mode; absent or 1: clip by clip). A backend that cannot
   * batch answers `unsupported` with the reason.
   */
  readonly batchSize?: number;
  /** Stored features and encoder outputs (backends that run in the worker process use it). */
  readonly cache?: ClipCache;
  readonly progress: (message: string) => void;
}

/** What a backend measured for a request it could run. */
export interface TranscribeOk {
  readonly status: 'ok';
  /** One transcript per clip, per pass. */
  readonly passes: ClipTranscript[][];
  /** The files actually loaded (a browser loads an fp32 encoder from its sharded export). */
  readonly variant: ModelVariant;
  readonly vocabSize: number;
  readonly loadMs: number;
  readonly memory: MemoryReading;
  readonly runtime: RuntimeInfo;
  /** Execution provider, upcasts, cache use: stored in the result's model notes. */
  readonly notes: string[];
  /** decoder_joint session.run calls and the rows they carried, over all passes. */
  readonly decoderCalls: number;
  readonly decoderRows: number;
  readonly featureCache: CacheUse;
  readonly encoderCache: CacheUse;
}

/** A request the backend cannot run by design (a browser size wall, no shader-f16): recorded, not failed. */
export interface TranscribeUnsupported {
  readonly status: 'unsupported';
  readonly reason: string;
  readonly runtime: RuntimeInfo;
}

/** A runtime backend. Failures throw (tag them with `PhaseError` to name the phase). */
export interface Backend {
  transcribe(request: TranscribeRequest): Promise<TranscribeOk | TranscribeUnsupported>;
}
