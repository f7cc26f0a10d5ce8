/**
 * The transcription loop every backend runs, wherever it runs (a Node worker process, a browser
 * page): clip by clip, pass by pass, each clip through nemo128 -> encoder ({@link encodeClip}) and
 * the decoder ({@link decodeClip}) into one {@link ClipTranscript}. Features and encoder outputs may
 * come from a {@link ClipCache} (the harness keeps one on disk so configs that differ only in decoder
 * run the encoder once). A {@link MemoryMeter} measures each of the two phases.
 */
import type { CacheUse } from './backend.ts';
import type { MemoryMeter } from './memory/memory-meter.ts';
import { measurePhase } from './memory/memory-meter.ts';
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
 * time measured when the entry was computed, so timings stay comparable on a hit, and
 * `encodePeakBytes` the encode phase's memory peak above the runtime baseline (see MemoryMeter) of
 * the config that computed it, so a config reusing it reports the encoder run's memory too.
 */
export interface ClipCache {
  getFeatures(clip: number): Promise<{ features: Features; ms: number } | null>;
  putFeatures(clip: number, features: Features, ms: number): Promise<void>;
  getEncoded(clip: number): Promise<{ encoded: EncodedAudio; ms: number; encodePeakBytes: number } | null>;
  /** `encodePeakBytes` null: not measured (the entry then serves no config that measures memory). */
  putEncoded(clip: number, encoded: EncodedAudio, ms: number, encodePeakBytes: number | null): Promise<void>;
}

/** The model note of a config whose encoder output came from the cache (every runner records it). */
export const CACHED_ENCODER_NOTE =
  "encoder output from the tensor cache: encode time and the encode phase's memory peak are the ones measured by the config that computed the entry";

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
  /** Measures the encode and decode phase of each clip (absent: nothing is measured). */
  readonly meter?: MemoryMeter;
}

/** A clip after nemo128 and the encoder: what {@link decodeClip} needs. */
export interface EncodedClip {
  readonly samples: number;
  readonly featuresLength: number;
  readonly encoded: EncodedAudio;
  readonly timings: StageTimings;
}

/** A stage's output from the cache (with the time measured when it was stored) or computed now and timed. */
async function cachedOrTimed<T>(cached: { value: T; ms: number } | null, compute: () => Promise<T>): Promise<{ value: T; ms: number; computed: boolean }> {
  if (cached) return { ...cached, computed: false };
  const t0 = nowMs();
  const value = await compute();
  return { value, ms: nowMs() - t0, computed: true };
}

/** Features and encoder output, each from the cache or computed; what was computed is returned for storing. */
async function runEncodeStage(model: ParakeetModel, samples: Float32Array, clip: number, timings: StageTimings, o: ClipRunOptions) {
  const cachedFeatures = o.cache ? await o.cache.getFeatures(clip) : null;
  o.featureTally?.record(cachedFeatures !== null);
  const features = await cachedOrTimed(cachedFeatures && { value: cachedFeatures.features, ms: cachedFeatures.ms }, () => computeFeatures(model.preprocessor, samples));
  timings.preprocessMs += features.ms;
  const cachedEncoded = o.cache ? await o.cache.getEncoded(clip) : null;
  o.encoderTally?.record(cachedEncoded !== null);
  const encoded = await cachedOrTimed(cachedEncoded && { value: cachedEncoded.encoded, ms: cachedEncoded.ms }, () => encodeFeatures(model.encoder, features.value));
  timings.encodeMs += encoded.ms;
  return { features, encoded, cachedPeak: cachedEncoded?.encodePeakBytes ?? null };
}

/**
 * nemo128 and the encoder on clip number `clip` of a config, as one measured phase. On a cache hit
 * the encoder did not run here, so the phase's memory is the cache entry's; what was computed is
 * stored after the phase, so writing the cache is not part of it.
 */
export async function encodeClip(model: ParakeetModel, samples: Float32Array, clip = 0, options: ClipRunOptions = {}): Promise<EncodedClip> {
  const timings: StageTimings = { preprocessMs: 0, encodeMs: 0, decodeMs: 0 };
  const { value: s, peakBytes } = await phase('encode', () => measurePhase(options.meter, () => runEncodeStage(model, samples, clip, timings, options)));
  const encodePeak = s.cachedPeak ?? peakBytes;
  if (encodePeak !== null) options.meter?.note('encode', encodePeak);
  if (s.features.computed) await options.cache?.putFeatures(clip, s.features.value, s.features.ms);
  if (s.encoded.computed) await options.cache?.putEncoded(clip, s.encoded.value, s.encoded.ms, s.cachedPeak === null ? peakBytes : null);
  return { samples: samples.length, featuresLength: s.features.value.length, encoded: s.encoded.value, timings };
}

/** Decodes an encoded clip as one measured phase: the one place a {@link ClipTranscript} is assembled. */
export async function decodeClip(model: ParakeetModel, clip: EncodedClip, decoder: DecoderConfig, options: Pick<ClipRunOptions, 'meter'> = {}): Promise<ClipTranscript> {
  const timings: StageTimings = { ...clip.timings };
  const { value: out, peakBytes } = await phase('decode', () => measurePhase(options.meter, () => decodeEncoded(model, clip.encoded, decoder, timings)));
  if (peakBytes !== null) options.meter?.note('decode', peakBytes);
  return {
    text: out.text.text,
    words: out.text.words,
    samples: clip.samples,
    featuresLength: clip.featuresLength,
    encodedLength: clip.encoded.length,
    timings,
    decoderCalls: out.decode.decoderCalls,
    ...(out.decode.meanLiveHypotheses !== undefined ? { meanLiveHypotheses: out.decode.meanLiveHypotheses } : {}),
  };
}

/** Transcribes clip number `clip` of a config: {@link encodeClip} then {@link decodeClip}. */
export async function transcribeClip(
  model: ParakeetModel,
  samples: Float32Array,
  decoder: DecoderConfig,
  clip = 0,
  options: ClipRunOptions = {},
): Promise<ClipTranscript> {
  return decodeClip(model, await encodeClip(model, samples, clip, options), decoder, options);
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
  readonly meter?: MemoryMeter;
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
    ...(options.meter ? { meter: options.meter } : {}),
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
