import type { InferenceSession, Tensor } from '../session.ts';
import { f32, i64, requireOutput } from '../session.ts';

/** Log-mel features of one clip: [featuresSize, frames] row-major, as nemo128 emits them. */
export interface Features {
  readonly data: Float32Array;
  readonly bins: number;
  /** Allocated frames (T). */
  readonly frames: number;
  /** Valid frames reported by features_lens. */
  readonly length: number;
}

/** Encoder output of one clip, transposed to time-major [frames, dim] so a frame is one subarray. */
export interface EncodedAudio {
  readonly data: Float32Array;
  readonly dim: number;
  /** Allocated frames (T'), may exceed `length`. */
  readonly frames: number;
  /** encoded_lengths: the frames to decode. */
  readonly length: number;
}

/** Which nemo128 revision a features_lens value reveals (see docs/preprocessor-revisions.md). */
export type PreprocessorRevision = 'hf-repo (features_lens = N//160 + 1)' | 'onnx-asr (features_lens = N//160)' | 'unknown';

/** Runs nemo128.onnx on mono 16 kHz samples. */
export async function computeFeatures(session: InferenceSession, samples: Float32Array): Promise<Features> {
  if (samples.length === 0) throw new Error('cannot compute features of empty audio (0 samples)');
  const out = await session.run({
    waveforms: f32(samples, [1, samples.length]),
    waveforms_lens: i64(BigInt64Array.of(BigInt(samples.length)), [1]),
  });
  const feats = requireOutput(out, 'features', 'nemo128');
  const lens = requireOutput(out, 'features_lens', 'nemo128').data as BigInt64Array;
  const [, bins = 0, frames = 0] = feats.dims;
  return { data: feats.data as Float32Array, bins, frames, length: Number(lens[0]) };
}

/** Names the preprocessor revision from its features_lens on a clip of `samples` samples. */
export function preprocessorRevision(samples: number, featuresLength: number): PreprocessorRevision {
  const hop = 160;
  if (featuresLength === Math.floor(samples / hop) + 1) return 'hf-repo (features_lens = N//160 + 1)';
  if (featuresLength === Math.floor(samples / hop)) return 'onnx-asr (features_lens = N//160)';
  return 'unknown';
}

/** Runs the encoder on features and returns time-major frames. */
export async function encodeFeatures(session: InferenceSession, features: Features): Promise<EncodedAudio> {
  const out = await session.run({
    audio_signal: f32(features.data, [1, features.bins, features.frames]),
    length: i64(BigInt64Array.of(BigInt(features.length)), [1]),
  });
  return encodedRows(out, 1)[0]!;
}

/**
 * Splits an encoder output [B, dim, T'] into B time-major clips (the one copy the decoders need: a
 * frame becomes one contiguous subarray). `rows` is the batch size the caller fed.
 */
export function encodedRows(out: Record<string, Tensor>, rows: number): EncodedAudio[] {
  const enc = requireOutput(out, 'outputs', 'encoder');
  const lens = requireOutput(out, 'encoded_lengths', 'encoder').data as BigInt64Array;
  const [batch = 0, dim = 0, frames = 0] = enc.dims;
  if (batch !== rows || lens.length !== rows) {
    throw new Error(`encoder: fed ${rows} clips, got outputs for ${batch} and ${lens.length} encoded_lengths; the graph does not keep the batch axis`);
  }
  const src = enc.data as Float32Array;
  const result: EncodedAudio[] = [];
  for (let b = 0; b < rows; b++) {
    const data = new Float32Array(dim * frames);
    const base = b * dim * frames;
    for (let d = 0; d < dim; d++) {
      const row = base + d * frames;
      for (let t = 0; t < frames; t++) data[t * dim + d] = src[row + t]!;
    }
    result.push({ data, dim, frames, length: Math.min(Number(lens[b]), frames) });
  }
  return result;
}

/** Frame t of an encoded clip. */
export function encoderFrame(enc: EncodedAudio, t: number): Float32Array {
  return enc.data.subarray(t * enc.dim, (t + 1) * enc.dim);
}
