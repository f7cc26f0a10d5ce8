/**
 * nemo128 and the encoder over several clips at once (throughput mode): zero-padded waveforms with
 * their lengths through the preprocessor, padded features with their lengths through the encoder.
 * Both graphs ignore what lies past each clip's length, so a clip's features and encoder frames are
 * those of its batch-1 run up to float rounding (sums over a longer, zero-padded time axis may round
 * differently; docs/architecture.md, "Throughput mode").
 */
import type { InferenceSession } from '../session.ts';
import { f32, i64, requireOutput } from '../session.ts';
import type { EncodedAudio, Features } from './acoustic.ts';
import { computeFeatures, encodeFeatures, encodedRows } from './acoustic.ts';

/** Features of `clips` from ONE nemo128 run; row b is a view of the batch output (no copy). */
export async function computeFeaturesBatch(session: InferenceSession, clips: readonly Float32Array[]): Promise<Features[]> {
  if (clips.length === 1) return [await computeFeatures(session, clips[0]!)];
  const n = Math.max(...clips.map((c) => c.length));
  if (clips.some((c) => c.length === 0)) throw new Error('cannot compute features of empty audio (0 samples)');
  const waveforms = new Float32Array(clips.length * n);
  clips.forEach((c, b) => waveforms.set(c, b * n));
  const out = await session.run({
    waveforms: f32(waveforms, [clips.length, n]),
    waveforms_lens: i64(BigInt64Array.from(clips, (c) => BigInt(c.length)), [clips.length]),
  });
  const feats = requireOutput(out, 'features', 'nemo128');
  const lens = requireOutput(out, 'features_lens', 'nemo128').data as BigInt64Array;
  const [, bins = 0, frames = 0] = feats.dims;
  const data = feats.data as Float32Array;
  const size = bins * frames;
  return clips.map((_, b) => ({ data: data.subarray(b * size, (b + 1) * size), bins, frames, length: Number(lens[b]) }));
}

/** True when `features` are consecutive rows of one buffer, as {@link computeFeaturesBatch} returns them. */
function oneBatchOutput(features: readonly Features[]): boolean {
  const first = features[0]!;
  const size = first.bins * first.frames;
  return features.every(
    (f, b) => f.data.buffer === first.data.buffer && f.bins === first.bins && f.frames === first.frames && f.data.byteOffset === first.data.byteOffset + 4 * b * size && f.data.length === size,
  );
}

/** Pads features of different lengths into one [B, bins, T] buffer. */
function padFeatures(features: readonly Features[]): Float32Array {
  const bins = features[0]!.bins;
  if (features.some((f) => f.bins !== bins)) throw new Error(`encoder batch: features have ${[...new Set(features.map((f) => f.bins))].join(' and ')} bins; one preprocessor made them all`);
  const frames = Math.max(...features.map((f) => f.frames));
  const out = new Float32Array(features.length * bins * frames);
  features.forEach((f, b) => {
    for (let m = 0; m < bins; m++) out.set(f.data.subarray(m * f.frames, (m + 1) * f.frames), (b * bins + m) * frames);
  });
  return out;
}

/** Encoder outputs of `features` from ONE encoder run, time-major per clip. */
export async function encodeFeaturesBatch(session: InferenceSession, features: readonly Features[]): Promise<EncodedAudio[]> {
  if (features.length === 1) return [await encodeFeatures(session, features[0]!)];
  const whole = oneBatchOutput(features);
  const first = features[0]!;
  // Straight from the preprocessor's batch output: the features are fed as they are, not copied.
  const data = whole ? new Float32Array(first.data.buffer, first.data.byteOffset, features.length * first.bins * first.frames) : padFeatures(features);
  const frames = whole ? first.frames : Math.max(...features.map((f) => f.frames));
  const out = await session.run({
    audio_signal: f32(data, [features.length, first.bins, frames]),
    length: i64(BigInt64Array.from(features, (f) => BigInt(f.length)), [features.length]),
  });
  return encodedRows(out, features.length);
}
