import { describe, expect, it } from 'vitest';
import type { ClipCache, ClipTranscript, EncodedAudio, Features } from '@parakeet-bench/core';
import type { BenchBrowser } from './bench-browser.ts';
import { BrowserClipCache } from './browser-tensor-cache.ts';
import { SLICE_BYTES, pageClipCache, takeTensorSlice } from './page/page-cache.ts';
import type { StaticServer } from './static-server.ts';

/** A page that "computes" features and an encoder output of the given sizes for every clip. */
function fakePage(featureFloats: number, encodedFloats: number) {
  const calls: string[] = [];
  const browser = {
    async call(name: string, arg: Record<string, unknown>) {
      calls.push(name);
      if (name === 'takeTensor') return takeTensorSlice(arg['index'] as number, arg['kind'] as 'features' | 'encoded', arg['offset'] as number);
      const index = arg['index'] as number;
      if (name === 'decode') return { text: `clip ${index}` } as ClipTranscript;
      const cache = pageClipCache(index, [], (arg['capture'] as boolean | undefined) ?? false);
      const f = Float32Array.from({ length: featureFloats }, (_, i) => Math.sin(i + index));
      await cache.putFeatures(index, { data: f, bins: 128, frames: featureFloats / 128, length: featureFloats / 128 - 1 }, 12.5);
      await cache.putEncoded(index, { data: f.subarray(0, encodedFloats), dim: 64, frames: encodedFloats / 64, length: encodedFloats / 64 }, 40, null);
      return undefined;
    },
  } as unknown as BenchBrowser;
  return { browser, calls };
}

/** An in-memory ClipCache that never answers (a `fresh` config) and keeps what is put. */
function memoryCache() {
  const put = new Map<string, { t: Features | EncodedAudio; ms: number; peak?: number | null }>();
  const cache: ClipCache = {
    getFeatures: async () => null,
    getEncoded: async () => null,
    putFeatures: async (clip, t, ms) => void put.set(`f${clip}`, { t, ms }),
    putEncoded: async (clip, t, ms, peak) => void put.set(`e${clip}`, { t, ms, peak }),
  };
  return { cache, put };
}

/** A phase measure that reports `peaks` in turn (the renderer's high-water marks of successive page calls). */
function fakeMeasure(peaks: number[]) {
  let k = 0;
  const measure = async <T>(fn: () => Promise<T>) => ({ value: await fn(), peakBytes: peaks[k++]! });
  return { measure };
}

const server = { setFile: () => undefined } as unknown as StaticServer;

describe('BrowserClipCache', () => {
  it('reads a tensor the page computed back in slices, bit for bit, and stores it with its stage time', async () => {
    const floats = 128 * 25_000; // 12.8 MB: four slices
    expect(floats * 4).toBeGreaterThan(3 * SLICE_BYTES);
    const { browser, calls } = fakePage(floats, 64 * 1000);
    const { cache, put } = memoryCache();
    const runner = new BrowserClipCache(browser, server, cache);
    expect((await runner.transcribe(0, { kind: 'greedy' }, true)).clip.text).toBe('clip 0');
    const f = put.get('f0')!;
    expect(f.ms).toBe(12.5);
    expect(f.t).toMatchObject({ bins: 128, frames: 25_000, length: 24_999 });
    expect(Array.from((f.t as Features).data.subarray(floats - 3))).toEqual(Array.from(Float32Array.from([floats - 3, floats - 2, floats - 1], Math.sin)));
    expect((f.t as Features).data.length).toBe(floats);
    expect(put.get('e0')).toMatchObject({ ms: 40, t: { dim: 64, frames: 1000, length: 1000 } });
    expect(calls.filter((c) => c === 'takeTensor')).toHaveLength(4 + 1);
    // The page forgets a tensor once read: nothing is left to take.
    expect(takeTensorSlice(0, 'features', 0)).toBeNull();
    expect(runner.use).toEqual({ featureCache: 'miss', encoderCache: 'miss' });
  });

  it('captures on the first pass only, and records no cache without one', async () => {
    const { browser, calls } = fakePage(128 * 10, 64 * 10);
    const { cache, put } = memoryCache();
    const runner = new BrowserClipCache(browser, server, cache);
    await runner.transcribe(1, { kind: 'greedy' }, false);
    expect(put.size).toBe(0);
    expect(calls).toEqual(['encode', 'decode']);
    const off = new BrowserClipCache(fakePage(128, 64).browser, server, undefined);
    await off.transcribe(0, { kind: 'greedy' }, true);
    expect(off.use).toEqual({ featureCache: 'off', encoderCache: 'off' });
  });

  it('measures encode and decode as two phases; the encoder entry is stored with the encode peak, and a hit reports the stored peak', async () => {
    const { browser } = fakePage(128 * 10, 64 * 10);
    const { cache, put } = memoryCache();
    const miss = await new BrowserClipCache(browser, server, cache).transcribe(0, { kind: 'greedy' }, true, fakeMeasure([300, 120]).measure);
    expect(miss).toMatchObject({ encodePeakBytes: 300, decodePeakBytes: 120 });
    expect(put.get('e0')?.peak).toBe(300);
    const stored = put.get('e0')!;
    const hitCache: ClipCache = { ...cache, getEncoded: async () => ({ encoded: stored.t as EncodedAudio, ms: stored.ms, encodePeakBytes: 300 }) };
    const calls: string[] = [];
    const page = { call: async (name: string) => (calls.push(name), name === 'decode' ? ({ text: 'x' } as ClipTranscript) : undefined) } as unknown as BenchBrowser;
    const hit = await new BrowserClipCache(page, server, hitCache).transcribe(0, { kind: 'greedy' }, true, fakeMeasure([50, 130]).measure);
    // The page skipped the encoder: the phase reports the run that made the entry, decoding its own.
    expect(hit).toMatchObject({ encodePeakBytes: 300, decodePeakBytes: 130 });
    expect(calls).toEqual(['encode', 'takeTensor', 'decode']);
  });
});
