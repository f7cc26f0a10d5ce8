/**
 * The native-binding sessions (no event-loop turn per run) against onnxruntime-node's public API:
 * same metadata, same outputs on every fixture graph, preallocated fetches filled, errors rejected.
 */
import type { OrtSessionLike, OrtTensorLike } from '@parakeet-bench/core';
import { ensureFixture } from '@parakeet-bench/fixture';
import ort from 'onnxruntime-node';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNativeSession } from '../src/native-session.ts';
import { nodeSessionOptions } from '../src/node-source.ts';

let dir = '';
beforeAll(async () => {
  dir = (await ensureFixture()).stockDir;
}, 60_000);

const pair = async (file: string): Promise<{ native: OrtSessionLike; pub: OrtSessionLike }> => {
  const native = openNativeSession(join(dir, file), nodeSessionOptions(1));
  if (!native) throw new Error('onnxruntime-node binding not reachable: the pinned version changed its layout');
  return { native, pub: (await ort.InferenceSession.create(join(dir, file), nodeSessionOptions(1))) as unknown as OrtSessionLike };
};
const values = (out: Record<string, OrtTensorLike>) => Object.fromEntries(Object.entries(out).map(([k, t]) => [k, { type: t.type, dims: [...t.dims], data: Array.from(t.data as ArrayLike<number | bigint>) }]));

describe('openNativeSession', () => {
  it('describes every fixture graph as the public API does and computes the same outputs', async () => {
    const wave = new Float32Array(16000).map((_, i) => Math.sin(i / 7) * 0.1);
    const feeds: Record<string, Record<string, ort.Tensor>> = {
      'nemo128.onnx': { waveforms: new ort.Tensor('float32', wave, [1, wave.length]), waveforms_lens: new ort.Tensor('int64', BigInt64Array.of(16000n), [1]) },
      'encoder-model.onnx': { audio_signal: new ort.Tensor('float32', new Float32Array(128 * 40).map((_, i) => (i % 13) / 13), [1, 128, 40]), length: new ort.Tensor('int64', BigInt64Array.of(37n), [1]) },
      'decoder_joint-model.onnx': {
        encoder_outputs: new ort.Tensor('float32', new Float32Array(64).fill(0.5), [1, 64, 1]),
        targets: new ort.Tensor('int32', Int32Array.of(3), [1, 1]),
        target_length: new ort.Tensor('int32', Int32Array.of(1), [1]),
        input_states_1: new ort.Tensor('float32', new Float32Array(64), [2, 1, 32]),
        input_states_2: new ort.Tensor('float32', new Float32Array(64), [2, 1, 32]),
      },
    };
    for (const [file, f] of Object.entries(feeds)) {
      const { native, pub } = await pair(file);
      expect([native.inputNames, native.outputNames, native.inputMetadata, native.outputMetadata]).toEqual([pub.inputNames, pub.outputNames, pub.inputMetadata, pub.outputMetadata]);
      expect(values(await native.run(f))).toEqual(values(await pub.run(f)));
      const first = pub.outputNames[0]!;
      expect(Object.keys(await native.run(f, [first]))).toEqual([first]);
      await native.release();
      await pub.release();
    }
  });

  it('writes pre-allocated fetches in place and rejects a bad feed with the runtime message', async () => {
    const { native, pub } = await pair('decoder_joint-model.onnx');
    const f = {
      encoder_outputs: new ort.Tensor('float32', new Float32Array(64).fill(1), [1, 64, 1]),
      targets: new ort.Tensor('int32', Int32Array.of(5), [1, 1]),
      target_length: new ort.Tensor('int32', Int32Array.of(1), [1]),
      input_states_1: new ort.Tensor('float32', new Float32Array(64), [2, 1, 32]),
      input_states_2: new ort.Tensor('float32', new Float32Array(64), [2, 1, 32]),
    };
    const logits = new ort.Tensor('float32', new Float32Array(23), [1, 1, 1, 23]);
    await native.run(f, { outputs: logits });
    expect(Array.from(logits.data as Float32Array)).toEqual(Array.from((await pub.run(f))['outputs']!.data as Float32Array));
    expect(logits.data.some((x) => x !== 0)).toBe(true);
    await expect(native.run({ ...f, targets: new ort.Tensor('float32', Float32Array.of(5), [1, 1]) })).rejects.toThrow(/targets|type/i);
    await native.release();
    await pub.release();
  });
});
