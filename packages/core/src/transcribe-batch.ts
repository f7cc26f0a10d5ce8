/**
 * Throughput mode: the clips of a corpus config transcribed in batches. One nemo128 run and one
 * encoder run per batch; greedy decodes the whole batch with one decoder_joint call per step
 * ({@link greedyDecodeBatch}), MAES decodes clip by clip on the batched encoder outputs (it already
 * batches the hypotheses of one clip). Batches are formed from the clips sorted by length, so
 * padding stays small; transcripts come back in dataset order and equal batch 1's.
 */
import type { EncodedAudio, Features } from './model/acoustic.ts';
import { computeFeaturesBatch, encodeFeaturesBatch } from './model/batch-acoustic.ts';
import type { ParakeetModel } from './model/load.ts';
import { greedyDecodeBatch } from './decode/greedy-batch.ts';
import type { DecodeResult } from './decode/types.ts';
import type { ClipTranscript } from './protocol/clip-transcript.ts';
import type { DecoderConfig } from './schema.ts';
import type { ClipRunOptions } from './transcribe-clip.ts';
import type { StageTimings } from './transcribe.ts';
import { FRAME_SEC, decodeEncoded, nowMs } from './transcribe.ts';
import { detokenizeWithTimestamps } from './text/detokenize.ts';
import { phase } from './phase-error.ts';

/** Clip indices in batches of `size`, longest clips first (ties in dataset order). */
export function planBatches(lengths: readonly number[], size: number): number[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`batch size must be a whole number >= 1, got ${size}`);
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[b]! - lengths[a]! || a - b);
  const batches: number[][] = [];
  for (let i = 0; i < order.length; i += size) batches.push(order.slice(i, i + size));
  return batches;
}

/** Splits a batch's stage time over its clips in proportion to their samples. */
function shares(samples: readonly number[], ms: number): number[] {
  const total = samples.reduce((a, n) => a + n, 0);
  return samples.map((n) => (total > 0 ? (ms * n) / total : ms / samples.length));
}

/** Cached values of every clip of the batch, or null (and misses tallied) when one is missing. */
async function allCached<T>(indices: readonly number[], get: (clip: number) => Promise<{ value: T; ms: number } | null>): Promise<{ values: T[]; ms: number[] } | null> {
  const found = await Promise.all(indices.map(get));
  if (found.some((f) => f === null)) return null;
  return { values: found.map((f) => f!.value), ms: found.map((f) => f!.ms) };
}

async function batchFeatures(model: ParakeetModel, clips: readonly Float32Array[], indices: readonly number[], timings: StageTimings[], o: ClipRunOptions): Promise<Features[]> {
  const cache = o.cache;
  const cached = cache ? await allCached<Features>(indices, (i) => cache.getFeatures(i).then((c) => (c ? { value: c.features, ms: c.ms } : null))) : null;
  indices.forEach(() => o.featureTally?.record(cached !== null));
  if (cached) {
    cached.ms.forEach((ms, k) => (timings[k]!.preprocessMs += ms));
    return cached.values;
  }
  const samples = indices.map((i) => clips[i]!);
  const t0 = nowMs();
  const features = await computeFeaturesBatch(model.preprocessor, samples);
  const split = shares(samples.map((s) => s.length), nowMs() - t0);
  split.forEach((ms, k) => (timings[k]!.preprocessMs += ms));
  if (cache) for (const [k, i] of indices.entries()) await cache.putFeatures(i, features[k]!, split[k]!);
  return features;
}

async function batchEncoded(model: ParakeetModel, features: readonly Features[], clips: readonly Float32Array[], indices: readonly number[], timings: StageTimings[], o: ClipRunOptions): Promise<EncodedAudio[]> {
  const cache = o.cache;
  const cached = cache ? await allCached<EncodedAudio>(indices, (i) => cache.getEncoded(i).then((c) => (c ? { value: c.encoded, ms: c.ms } : null))) : null;
  indices.forEach(() => o.encoderTally?.record(cached !== null));
  if (cached) {
    cached.ms.forEach((ms, k) => (timings[k]!.encodeMs += ms));
    return cached.values;
  }
  const t0 = nowMs();
  const encoded = await encodeFeaturesBatch(model.encoder, features);
  const split = shares(indices.map((i) => clips[i]!.length), nowMs() - t0);
  split.forEach((ms, k) => (timings[k]!.encodeMs += ms));
  if (cache) for (const [k, i] of indices.entries()) await cache.putEncoded(i, encoded[k]!, split[k]!);
  return encoded;
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
  const features = await phase('encode', () => batchFeatures(model, clips, indices, timings, options));
  const encoded = await phase('encode', () => batchEncoded(model, features, clips, indices, timings, options));
  const decoded = await phase('decode', () => batchDecode(model, encoded, samples, decoder, timings));
  return decoded.map((d, k) => {
    const text = detokenizeWithTimestamps(d.tokens, d.frames, model.vocab, FRAME_SEC);
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
