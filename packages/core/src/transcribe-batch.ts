/**
 * Throughput mode: the clips of a corpus config transcribed in batches. nemo128 per clip (or, with
 * `batchPreprocess: 'padded'`, one run over the padded waveforms), one encoder run per batch on the
 * padded features; greedy decodes the whole batch with one decoder_joint call per step
 * ({@link greedyDecodeBatch}), MAES decodes clip by clip on the batched encoder outputs (it already
 * batches the hypotheses of one clip). Batches are formed from the clips sorted by length, so
 * padding stays small; transcripts come back in dataset order and equal batch 1's.
 */
import type { EncodedAudio, Features } from './model/acoustic.ts';
import { computeFeatures } from './model/acoustic.ts';
import { computeFeaturesBatch, encodeFeaturesBatch } from './model/batch-acoustic.ts';
import type { ParakeetModel } from './model/load.ts';
import { greedyDecodeBatch } from './decode/greedy-batch.ts';
import type { DecodeResult } from './decode/types.ts';
import type { ClipTranscript } from './protocol/clip-transcript.ts';
import type { DecoderConfig } from './schema.ts';
import type { CacheTally, ClipRunOptions } from './transcribe-clip.ts';
import type { StageTimings } from './transcribe.ts';
import { FRAME_SEC, decodeEncoded, nowMs } from './transcribe.ts';
import { detokenizeWithTimestamps } from './text/detokenize.ts';
import { phase } from './phase-error.ts';
import { measurePhase } from './memory/memory-meter.ts';

/** Clip indices in batches of `size`, longest clips first (ties in dataset order). */
export function planBatches(lengths: readonly number[], size: number): number[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`batch size must be a whole number >= 1, got ${size}`);
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[b]! - lengths[a]! || a - b);
  const batches: number[][] = [];
  for (let i = 0; i < order.length; i += size) batches.push(order.slice(i, i + size));
  return batches;
}

/** nemo128 on each clip alone (unpadded): the batch's features, for the encoder to pad. */
async function featuresPerClip(model: ParakeetModel, clips: readonly Float32Array[]): Promise<Features[]> {
  const out: Features[] = [];
  for (const c of clips) out.push(await computeFeatures(model.preprocessor, c));
  return out;
}

/** Splits a batch's stage time over its clips in proportion to their samples. */
function shares(samples: readonly number[], ms: number): number[] {
  const total = samples.reduce((a, n) => a + n, 0);
  return samples.map((n) => (total > 0 ? (ms * n) / total : ms / samples.length));
}

/** One cached stage (features or encoder output) of a batch: where its entries and times come from. */
interface BatchStage<T> {
  /** A clip's entry; `peakBytes`: the encode phase's memory stored with it (encoder outputs). */
  readonly get: (clip: number) => Promise<{ value: T; ms: number; peakBytes?: number } | null>;
  readonly tally: CacheTally | undefined;
  readonly field: keyof StageTimings;
  /** Runs the stage on the whole batch. */
  readonly compute: () => Promise<T[]>;
}

/** A stage's values for a batch; `computedMs` (each clip's share of the time) when they were computed here, for storing. */
interface StageOutput<T> {
  readonly values: T[];
  readonly computedMs: number[] | null;
  /** On a hit, the largest encode peak stored with the entries (null when computed or not stored). */
  readonly cachedPeak: number | null;
}

/**
 * The stage's values for the clips `indices` of a batch: all from the cache when every clip has an
 * entry (with the times stored with them), else computed for the whole batch, its time shared out
 * by samples (the caller stores them once the measured phase is over).
 */
async function runStage<T>(stage: BatchStage<T>, indices: readonly number[], samples: readonly number[], timings: StageTimings[], cached: boolean): Promise<StageOutput<T>> {
  const found = cached ? await Promise.all(indices.map(stage.get)) : [];
  const hit = cached && found.every((f) => f !== null);
  indices.forEach(() => stage.tally?.record(hit));
  if (hit) {
    found.forEach((f, k) => (timings[k]![stage.field] += f!.ms));
    const peaks = found.map((f) => f!.peakBytes).filter((p): p is number => p !== undefined);
    return { values: found.map((f) => f!.value), computedMs: null, cachedPeak: peaks.length ? Math.max(...peaks) : null };
  }
  const t0 = nowMs();
  const values = await stage.compute();
  const split = shares(samples, nowMs() - t0);
  split.forEach((ms, k) => (timings[k]![stage.field] += ms));
  return { values, computedMs: split, cachedPeak: null };
}

async function batchDecode(model: ParakeetModel, encoded: readonly EncodedAudio[], samples: readonly number[], decoder: DecoderConfig, timings: StageTimings[]): Promise<DecodeResult[]> {
  if (decoder.kind !== 'greedy') {
    const out: DecodeResult[] = [];
    for (const [k, enc] of encoded.entries()) out.push((await decodeEncoded(model, enc, decoder, timings[k]!)).decode);
    return out;
  }
  const t0 = nowMs();
  const ctx = { joint: model.joint, blankId: model.vocab.blankId, maxTokensPerStep: model.config.maxTokensPerStep };
  const out = await greedyDecodeBatch(encoded, ctx, decoder.maxTokensPerStep);
  shares(samples, nowMs() - t0).forEach((ms, k) => (timings[k]!.decodeMs += ms));
  return out;
}

/**
 * Transcribes clips `indices` of a config as ONE batch; result k belongs to `indices[k]`. A batch's
 * stage times are split over its clips in proportion to their samples, so summed over a pass they
 * are the pass's wall time per stage (RTFx = throughput).
 */
export async function transcribeBatch(
  model: ParakeetModel,
  clips: readonly Float32Array[],
  indices: readonly number[],
  decoder: DecoderConfig,
  options: ClipRunOptions = {},
): Promise<ClipTranscript[]> {
  const timings: StageTimings[] = indices.map(() => ({ preprocessMs: 0, encodeMs: 0, decodeMs: 0 }));
  const samples = indices.map((i) => clips[i]!.length);
  const cache = options.cache;
  const run = <T>(stage: BatchStage<T>) => runStage(stage, indices, samples, timings, cache !== undefined);
  const encodeStage = async () => {
    const features = await run<Features>({
      get: (i) => cache!.getFeatures(i).then((c) => c && { value: c.features, ms: c.ms }),
      tally: options.featureTally,
      field: 'preprocessMs',
      compute: () => (options.batchPreprocess === 'padded' ? computeFeaturesBatch(model.preprocessor, indices.map((i) => clips[i]!)) : featuresPerClip(model, indices.map((i) => clips[i]!))),
    });
    // The encoder stage reads the features as they came: straight from the batch output when computed.
    const encoded = await run<EncodedAudio>({
      get: (i) => cache!.getEncoded(i).then((c) => c && { value: c.encoded, ms: c.ms, peakBytes: c.encodePeakBytes }),
      tally: options.encoderTally,
      field: 'encodeMs',
      compute: () => encodeFeaturesBatch(model.encoder, features.values),
    });
    return { features, encoded };
  };
  // One measured encode phase for the whole batch (a hit reports the batch run that stored it), then one decode phase.
  const { value: enc, peakBytes } = await phase('encode', () => measurePhase(options.meter, encodeStage));
  const encodePeak = enc.encoded.cachedPeak ?? peakBytes;
  if (encodePeak !== null) options.meter?.note('encode', encodePeak);
  const features = enc.features.values;
  const encoded = enc.encoded.values;
  if (cache) {
    for (const [k, i] of indices.entries()) {
      if (enc.features.computedMs) await cache.putFeatures(i, features[k]!, enc.features.computedMs[k]!);
      if (enc.encoded.computedMs) await cache.putEncoded(i, encoded[k]!, enc.encoded.computedMs[k]!, enc.encoded.cachedPeak === null ? peakBytes : null);
    }
  }
  const { value: decoded, peakBytes: decodePeak } = await phase('decode', () => measurePhase(options.meter, () => batchDecode(model, encoded, samples, decoder, timings)));
  if (decodePeak !== null) options.meter?.note('decode', decodePeak);
  return decoded.map((d, k) => {
    const text = detokenizeWithTimestamps(d.tokens, d.frames, model.vocab, FRAME_SEC, d.durations);
    return {
      text: text.text,
      words: text.words,
      samples: samples[k]!,
      featuresLength: features[k]!.length,
      encodedLength: encoded[k]!.length,
      timings: timings[k]!,
      decoderCalls: d.decoderCalls,
      ...(d.meanLiveHypotheses !== undefined ? { meanLiveHypotheses: d.meanLiveHypotheses } : {}),
    };
  });
}
