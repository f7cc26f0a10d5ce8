/**
 * The transcription loop every backend runs, wherever it runs (a Node worker process, a browser
 * page): clip by clip, pass by pass, each clip through nemo128 -> encoder -> decoder into one
 * {@link ClipTranscript}. Features and encoder outputs may come from a {@link ClipCache} (the harness
 * keeps one on disk so configs that differ only in decoder run the encoder once).
 */
import type { CacheUse } from './backend.ts';
import type { EncodedAudio, Features } from './model/acoustic.ts';
import { computeFeatures, encodeFeatures } from './model/acoustic.ts';
import type { ParakeetModel } from './model/load.ts';
import type { ClipTranscript } from './protocol/clip-transcript.ts';
import type { DecoderConfig } from './schema.ts';
import type { StageTimings } from './transcribe.ts';
import { decodeEncoded, nowMs } from './transcribe.ts';
import { phase } from './phase-error.ts';
import { planBatches, transcribeBatch } from './transcribe-batch.ts';

/**
 * Stored features and encoder outputs of the clips of one config, by clip index. `get` gives null
 * when there is nothing to reuse (or the config must measure the real pipeline); `ms` is the stage
 * time measured when the entry was computed, so timings stay comparable on a hit.
 */
export interface ClipCache {
  getFeatures(clip: number): Promise<{ features: Features; ms: number } | null>;
  putFeatures(clip: number, features: Features, ms: number): Promise<void>;
  getEncoded(clip: number): Promise<{ encoded: EncodedAudio; ms: number } | null>;
  putEncoded(clip: number, encoded: EncodedAudio, ms: number): Promise<void>;
}

/** The model note of a config whose encoder output came from the cache (every runner records it). */
export const CACHED_ENCODER_NOTE =
  'encoder output from the tensor cache: encode time is the one measured when the entry was computed; peak RSS excludes the encoder run';

/** Tracks cache hits and misses across a config's clips. */
export class CacheTally {
  private hits = 0;
  private misses = 0;
  constructor(private readonly enabled: boolean) {}
  record(hit: boolean): void {
    if (hit) this.hits++;
    else this.misses++;
  }
  /** Summary for the result's decodeStats. */
  get use(): CacheUse {
    if (!this.enabled) return 'off';
    if (this.misses === 0 && this.hits > 0) return 'hit';
    return this.hits === 0 ? 'miss' : 'partial';
  }
}

/**
 * How throughput mode runs nemo128 on a batch: `per-clip` (default) runs each clip alone, unpadded,
 * and pads the features for the encoder; `padded` runs the zero-padded waveforms in one call. The
 * preprocessor's cost is linear in the samples it is given (no per-call cost to amortise), so padding
 * only adds work (bench:pipeline measures both); per clip, features are also bit-equal to batch 1's.
 */
export type BatchPreprocess = 'per-clip' | 'padded';

/** How the clips of one config are run besides the model and decoder. */
export interface ClipRunOptions {
  readonly cache?: ClipCache;
  /** Throughput mode's preprocessing (default `per-clip`). */
  readonly batchPreprocess?: BatchPreprocess;
  readonly featureTally?: CacheTally;
  readonly encoderTally?: CacheTally;
}

async function featuresOf(model: ParakeetModel, samples: Float32Array, clip: number, timings: StageTimings, o: ClipRunOptions): Promise<Features> {
  const cached = o.cache ? await o.cache.getFeatures(clip) : null;
  o.featureTally?.record(cached !== null);
  if (cached) {
    timings.preprocessMs += cached.ms;
    return cached.features;
  }
  const t0 = nowMs();
  const features = await computeFeatures(model.preprocessor, samples);
  const ms = nowMs() - t0;
  timings.preprocessMs += ms;
  await o.cache?.putFeatures(clip, features, ms);
  return features;
}

async function encodedOf(model: ParakeetModel, features: Features, clip: number, timings: StageTimings, o: ClipRunOptions): Promise<EncodedAudio> {
  const cached = o.cache ? await o.cache.getEncoded(clip) : null;
  o.encoderTally?.record(cached !== null);
  if (cached) {
    timings.encodeMs += cached.ms;
    return cached.encoded;
  }
  const t0 = nowMs();
  const encoded = await encodeFeatures(model.encoder, features);
  const ms = nowMs() - t0;
  timings.encodeMs += ms;
  await o.cache?.putEncoded(clip, encoded, ms);
  return encoded;
}

/** Transcribes clip number `clip` of a config: the one place a {@link ClipTranscript} is assembled. */
export async function transcribeClip(
  model: ParakeetModel,
  samples: Float32Array,
  decoder: DecoderConfig,
  clip = 0,
  options: ClipRunOptions = {},
): Promise<ClipTranscript> {
  const timings: StageTimings = { preprocessMs: 0, encodeMs: 0, decodeMs: 0 };
  const features = await phase('encode', () => featuresOf(model, samples, clip, timings, options));
  const encoded = await phase('encode', () => encodedOf(model, features, clip, timings, options));
  const out = await phase('decode', () => decodeEncoded(model, encoded, decoder, timings));
  return {
    text: out.text.text,
    words: out.text.words,
    samples: samples.length,
    featuresLength: features.length,
    encodedLength: encoded.length,
    timings,
    decoderCalls: out.decode.decoderCalls,
    ...(out.decode.meanLiveHypotheses !== undefined ? { meanLiveHypotheses: out.decode.meanLiveHypotheses } : {}),
  };
}

/** Every timed pass over a config's clips, and how its cache was used. */
export interface TranscribedPasses {
  readonly passes: ClipTranscript[][];
  readonly featureCache: CacheUse;
  readonly encoderCache: CacheUse;
}

/** Options of {@link transcribePasses}. */
export interface PassOptions {
  /** Timed passes over all clips (default 1). */
  readonly repeats?: number;
  /** Clips transcribed together (default 1: clip by clip); see transcribe-batch.ts. */
  readonly batchSize?: number;
  readonly batchPreprocess?: BatchPreprocess;
  readonly cache?: ClipCache;
  readonly progress?: (message: string) => void;
}

/** Runs `repeats` passes over `clips` in order, reporting progress after each clip. */
export async function transcribePasses(
  model: ParakeetModel,
  clips: readonly Float32Array[],
  decoder: DecoderConfig,
  options: PassOptions = {},
): Promise<TranscribedPasses> {
  const repeats = options.repeats ?? 1;
  const enabled = options.cache !== undefined;
  const run: ClipRunOptions = {
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.batchPreprocess ? { batchPreprocess: options.batchPreprocess } : {}),
    featureTally: new CacheTally(enabled),
    encoderTally: new CacheTally(enabled),
  };
  const passes: ClipTranscript[][] = [];
  for (let k = 0; k < repeats; k++) {
    const pass = repeats > 1 ? ` (repeat ${k + 1}/${repeats})` : '';
    const out: ClipTranscript[] = [];
    if ((options.batchSize ?? 1) > 1) {
      let done = 0;
      for (const batch of planBatches(clips.map((c) => c.length), options.batchSize!)) {
        const transcripts = await transcribeBatch(model, clips, batch, decoder, run);
        batch.forEach((i, k) => (out[i] = transcripts[k]!));
        done += batch.length;
        options.progress?.(`clip ${done}/${clips.length}${pass} (batches of ${options.batchSize})`);
      }
    } else {
      for (const [i, samples] of clips.entries()) {
        out.push(await transcribeClip(model, samples, decoder, i, run));
        options.progress?.(`clip ${i + 1}/${clips.length}${pass}`);
      }
    }
    passes.push(out);
  }
  return { passes, featureCache: run.featureTally!.use, encoderCache: run.encoderTally!.use };
}
