import type { DecoderConfig } from './schema.ts';
import { createDecoder } from './decode/index.ts';
import type { DecodeResult } from './decode/types.ts';
import type { EncodedAudio, Features } from './model/acoustic.ts';
import { computeFeatures, encodeFeatures } from './model/acoustic.ts';
import type { ParakeetModel } from './model/load.ts';
import { detokenizeWithTimestamps } from './text/detokenize.ts';
import type { Detokenized } from './text/detokenize.ts';

/** Seconds per encoder frame (10 ms hop x subsampling 8). */
export const FRAME_SEC = 0.08;

/** Wall-clock split of one transcription, in milliseconds. */
export interface StageTimings {
  preprocessMs: number;
  encodeMs: number;
  decodeMs: number;
}

/** A transcript with token/word timestamps and where the time went. */
export interface Transcript extends Detokenized {
  readonly decode: DecodeResult;
  readonly timings: StageTimings;
  readonly features: Features;
  readonly encoded: EncodedAudio;
}

/** Monotonic milliseconds in both Node and browsers. */
export const nowMs = (): number => performance.now();

/**
 * Computes the encoder output of a clip. Split out so sweeps over decoders can reuse it (the encoder
 * runs once per variant, backend and audio).
 */
export async function encodeAudio(
  model: ParakeetModel,
  samples: Float32Array,
  timings: StageTimings,
): Promise<{ features: Features; encoded: EncodedAudio }> {
  let t0 = nowMs();
  const features = await computeFeatures(model.preprocessor, samples);
  timings.preprocessMs += nowMs() - t0;
  t0 = nowMs();
  const encoded = await encodeFeatures(model.encoder, features);
  timings.encodeMs += nowMs() - t0;
  return { features, encoded };
}

/** Decodes an already-encoded clip and detokenizes it. */
export async function decodeEncoded(
  model: ParakeetModel,
  encoded: EncodedAudio,
  decoder: DecoderConfig,
  timings: StageTimings,
): Promise<{ decode: DecodeResult; text: Detokenized }> {
  const t0 = nowMs();
  const decode = await createDecoder(decoder).decode(encoded, {
    joint: model.joint,
    blankId: model.vocab.blankId,
    maxTokensPerStep: model.config.maxTokensPerStep,
  });
  timings.decodeMs += nowMs() - t0;
  return { decode, text: detokenizeWithTimestamps(decode.tokens, decode.frames, model.vocab, FRAME_SEC, decode.durations) };
}

/** nemo128 -> encoder -> TDT decoding -> text, for one mono 16 kHz clip. */
export async function transcribe(
  model: ParakeetModel,
  samples: Float32Array,
  decoder: DecoderConfig = { kind: 'greedy' },
): Promise<Transcript> {
  const timings: StageTimings = { preprocessMs: 0, encodeMs: 0, decodeMs: 0 };
  const { features, encoded } = await encodeAudio(model, samples, timings);
  const { decode, text } = await decodeEncoded(model, encoded, decoder, timings);
  return { ...text, decode, timings, features, encoded };
}
