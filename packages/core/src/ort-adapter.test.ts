import { describe, expect, it } from 'vitest';
import type { OrtSessionLike, OrtTensorLike } from './ort-adapter.ts';
import { wrapOrtSession } from './ort-adapter.ts';
import type { InferenceSession, Tensor, TensorType } from './session.ts';
import { bindSession, f32 } from './session.ts';

/** A runtime double computing y = 2x that records how it was called and how many tensors were built. */
function fakeRuntime(writesFetches: boolean) {
  const log = { constructed: 0, fetches: [] as unknown[] };
  class FakeTensor implements OrtTensorLike {
    constructor(
      readonly type: TensorType,
      readonly data: Tensor['data'],
      readonly dims: readonly number[],
    ) {
      log.constructed++;
    }
  }
  const session: OrtSessionLike = {
    inputNames: ['x'],
    outputNames: ['y'],
    async run(feeds, fetches) {
      log.fetches.push(fetches);
      const x = feeds['x']!.data as Float32Array;
      const y = Float32Array.from(x, (v) => 2 * v);
      if (writesFetches && fetches && !Array.isArray(fetches)) ((fetches as Record<string, OrtTensorLike>)['y']!.data as Float32Array).set(y);
      return { y: { type: 'float32', data: y, dims: [y.length] } };
    },
    release: async () => undefined,
  };
  return { log, session, Ctor: FakeTensor };
}

describe('wrapOrtSession bind', () => {
  it.each([true, false])('builds runtime tensors once and fills bound outputs (preallocatedOutputs %s)', async (pre) => {
    const { log, session, Ctor } = fakeRuntime(pre);
    const wrapped = wrapOrtSession(session, Ctor, { preallocatedOutputs: pre });
    const x = new Float32Array(2);
    const y = new Float32Array(2);
    const bound = wrapped.bind!({ x: f32(x, [2]) }, { y: f32(y, [2]) });
    const built = log.constructed;
    for (const v of [1, 5]) {
      x.fill(v);
      const out = await bound.run();
      expect(Array.from(y)).toEqual([2 * v, 2 * v]);
      expect(out['y']!.data).toBe(y);
    }
    expect(log.constructed).toBe(built);
    // The stale-output runtime (onnxruntime-web) is asked for names only, never handed our buffers.
    expect(Array.isArray(log.fetches[0])).toBe(!pre);
  });

  it('returns fresh outputs when no outputs are bound', async () => {
    const { session, Ctor } = fakeRuntime(false);
    const x = Float32Array.of(3);
    const bound = wrapOrtSession(session, Ctor).bind!({ x: f32(x, [1]) });
    const a = await bound.run();
    const b = await bound.run();
    expect(a['y']!.data).not.toBe(b['y']!.data);
    expect(Array.from(a['y']!.data as Float32Array)).toEqual([6]);
  });
});

describe('bindSession fallback (sessions without bind)', () => {
  const plain = (y: Float32Array): InferenceSession => ({
    inputs: [],
    outputs: [],
    run: async () => ({ y: f32(y, [y.length]) }),
    release: async () => undefined,
  });

  it('copies the run() outputs into the bound buffers', async () => {
    const into = new Float32Array(2);
    const out = await bindSession(plain(Float32Array.of(4, 5)), {}, { y: f32(into, [2]) }, 'g.onnx').run();
    expect(Array.from(into)).toEqual([4, 5]);
    expect(out['y']!.data).toBe(into);
  });

  it('names the graph and both shapes when an output does not fit its buffer', async () => {
    const bound = bindSession(plain(Float32Array.of(4, 5, 6)), {}, { y: f32(new Float32Array(2), [2]) }, 'g.onnx');
    await expect(bound.run()).rejects.toThrow(/g\.onnx: output "y" is float32\[3\], the bound buffer float32\[2\]/);
  });
});
