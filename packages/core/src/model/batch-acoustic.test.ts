import { describe, expect, it } from 'vitest';
import type { InferenceSession, Tensor } from '../session.ts';
import { computeFeaturesBatch, encodeFeaturesBatch } from './batch-acoustic.ts';

/** A session whose run is `fn`, recording every feed it got. */
function fake(fn: (feeds: Readonly<Record<string, Tensor>>) => Record<string, Tensor>, seen: Readonly<Record<string, Tensor>>[] = []): InferenceSession {
  return { inputs: [], outputs: [], run: async (f) => (seen.push(f), fn(f)), release: async () => undefined };
}

/** nemo128 stand-in: bins = 2, frames = N (one per sample), feature (m, t) = waveform[t] + 10 m, lens = samples. */
const preprocessor = (seen?: Readonly<Record<string, Tensor>>[]) =>
  fake((f) => {
    const [b = 0, n = 0] = f['waveforms']!.dims;
    const w = f['waveforms']!.data as Float32Array;
    const data = new Float32Array(b * 2 * n);
    for (let r = 0; r < b; r++) for (let m = 0; m < 2; m++) for (let t = 0; t < n; t++) data[(r * 2 + m) * n + t] = w[r * n + t]! + 10 * m;
    return { features: { type: 'float32', data, dims: [b, 2, n] }, features_lens: { type: 'int64', data: f['waveforms_lens']!.data, dims: [b] } };
  }, seen);

/** Encoder stand-in: dim = bins, T' = T, output = input, encoded_lengths = length. */
const encoder = (seen?: Readonly<Record<string, Tensor>>[]) =>
  fake((f) => ({ outputs: f['audio_signal']!, encoded_lengths: { type: 'int64', data: f['length']!.data, dims: f['length']!.dims } }), seen);

describe('computeFeaturesBatch / encodeFeaturesBatch', () => {
  it('pads waveforms with their lengths, then feeds the batch output to the encoder as it is (no copy)', async () => {
    const pre: Readonly<Record<string, Tensor>>[] = [];
    const enc: Readonly<Record<string, Tensor>>[] = [];
    const feats = await computeFeaturesBatch(preprocessor(pre), [Float32Array.of(1, 2, 3), Float32Array.of(4)]);
    expect(pre[0]!['waveforms']!.dims).toEqual([2, 3]);
    expect(Array.from(pre[0]!['waveforms']!.data as Float32Array)).toEqual([1, 2, 3, 4, 0, 0]);
    expect(Array.from(pre[0]!['waveforms_lens']!.data as BigInt64Array)).toEqual([3n, 1n]);
    expect(feats.map((f) => [f.frames, f.length])).toEqual([[3, 3], [3, 1]]);
    const out = await encodeFeaturesBatch(encoder(enc), feats);
    expect(enc[0]!['audio_signal']!.data.buffer).toBe(feats[0]!.data.buffer);
    // Time-major per clip: frame t of clip 1 is [4 + 0, 4 + 10] at t = 0.
    expect(Array.from(out[1]!.data.subarray(0, 2))).toEqual([4, 14]);
    expect(out.map((e) => e.length)).toEqual([3, 1]);
  });

  it('pads features of different lengths (computed per clip or cached) into one encoder batch', async () => {
    const a = (await computeFeaturesBatch(preprocessor(), [Float32Array.of(1, 2, 3)]))[0]!;
    const b = (await computeFeaturesBatch(preprocessor(), [Float32Array.of(5)]))[0]!;
    const enc: Readonly<Record<string, Tensor>>[] = [];
    const out = await encodeFeaturesBatch(encoder(enc), [a, b]);
    expect(enc[0]!['audio_signal']!.dims).toEqual([2, 2, 3]);
    expect(Array.from(enc[0]!['audio_signal']!.data as Float32Array)).toEqual([1, 2, 3, 11, 12, 13, 5, 0, 0, 15, 0, 0]);
    expect(out.map((e) => [e.frames, e.length])).toEqual([[3, 3], [3, 1]]);
  });

  it('refuses an empty clip and an encoder that drops the batch axis, saying what went wrong', async () => {
    await expect(computeFeaturesBatch(preprocessor(), [Float32Array.of(1), new Float32Array(0)])).rejects.toThrow('cannot compute features of empty audio (0 samples)');
    const feats = await computeFeaturesBatch(preprocessor(), [Float32Array.of(1, 2), Float32Array.of(3, 4)]);
    const flat = fake(() => ({ outputs: { type: 'float32', data: new Float32Array(4), dims: [1, 2, 2] }, encoded_lengths: { type: 'int64', data: BigInt64Array.of(2n), dims: [1] } }));
    await expect(encodeFeaturesBatch(flat, feats)).rejects.toThrow('encoder: fed 2 clips, got outputs for 1 and 1 encoded_lengths; the graph does not keep the batch axis');
  });
});
