/**
 * Memory of the decode loop alone: the encoder output is computed (and held) before the baseline, so
 * what grows during a decode is the decoder's own. Live memory is sampled every 100 ms after a full
 * GC (decoder calls yield to the event loop through onnxruntime-node's setImmediate, so the sampler
 * runs between calls): garbage a GC would free (onnxruntime-node allocates fresh output arrays on every
 * run) does not count, what the loop keeps does. RSS peak is sampled alongside.
 */
import type { DecodeContext, DecoderConfig, EncodedAudio } from '@parakeet-bench/core';
import { createDecoder } from '@parakeet-bench/core';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Bytes above the pre-decode baseline. */
export interface DecodeMemory {
  /** Peak of V8 heap + external (ArrayBuffer) memory still live after a GC, during the decode. */
  readonly peakLiveBytes: number;
  /** Peak resident set size during the decode (onnxruntime's native buffers included). */
  readonly peakRssBytes: number;
  /** Heap + external still held after the decode (the result included). */
  readonly retainedBytes: number;
}

const js = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

/** Full GC twice around a turn of the event loop, so finalizers of freed native buffers have run. */
async function settle(): Promise<void> {
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
}

/** Decodes `enc` once and reports how much memory the decode loop took above the baseline. */
export async function decodeMemory(config: DecoderConfig, enc: EncodedAudio, ctx: DecodeContext): Promise<DecodeMemory> {
  const decoder = createDecoder(config);
  await settle();
  const baseJs = js();
  const baseRss = process.memoryUsage().rss;
  let peakJs = baseJs;
  let peakRss = baseRss;
  const timer = setInterval(() => {
    gc();
    peakJs = Math.max(peakJs, js());
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const result = await decoder.decode(enc, ctx);
  clearInterval(timer);
  await settle();
  const retained = js() - baseJs;
  peakJs = Math.max(peakJs, js());
  if (result.tokens.length === 0) throw new Error('decodeMemory: empty transcript; the clip or model is wrong');
  return { peakLiveBytes: peakJs - baseJs, peakRssBytes: peakRss - baseRss, retainedBytes: retained };
}

/** The first `seconds` of an encoded clip (80 ms frames), sharing its memory. */
export function encodedPrefix(enc: EncodedAudio, seconds: number): EncodedAudio {
  const frames = Math.min(enc.length, Math.round(seconds / 0.08));
  return { data: enc.data.subarray(0, frames * enc.dim), dim: enc.dim, frames, length: frames };
}
