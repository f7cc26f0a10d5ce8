/**
 * The browser runner's clip loop with the harness's tensor cache. The cache lives on disk on the Node
 * side (the request's ClipCache); per clip, a stored nemo128 output or encoder output is served to the
 * page, which then skips that stage (a cache hit, recorded as node-cpu records it: the stage time and
 * the encode phase's memory peak are the ones measured when the entry was computed); what the page
 * computes on a miss is read back on the first pass and stored with the measured encode peak, so a
 * later decoder config of the same variant, backend and audio reuses it and reports that encoder run.
 */
import type { CacheUse, ClipCache, ClipTranscript, DecoderConfig } from '@parakeet-bench/core';
import { CacheTally } from '@parakeet-bench/core';
import type { BenchBrowser } from './bench-browser.ts';
import type { PageCachedTensor, PageTensorMeta } from './page/page-protocol.ts';
import type { StaticServer } from './static-server.ts';

/** URL prefix of cached tensors served to the page. */
const CACHE_PATH = '/tensors/';

const bytesOf = (data: Float32Array): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/** Runs one page call as a measured phase: its value and the phase's peak above the runtime baseline (null: not measured). */
export type PhaseMeasure = <T>(fn: () => Promise<T>) => Promise<{ value: T; peakBytes: number | null }>;

const unmeasured: PhaseMeasure = async (fn) => ({ value: await fn(), peakBytes: null });

/** One clip's transcript and the figures of its two phases (encode: the cache entry's on a hit). */
export interface BrowserClip {
  readonly clip: ClipTranscript;
  readonly encodePeakBytes: number | null;
  readonly decodePeakBytes: number | null;
}

/** Transcribes clips in the page through the cache, and tallies its use like core's transcribePasses. */
export class BrowserClipCache {
  private readonly features: CacheTally;
  private readonly encoded: CacheTally;

  constructor(
    private readonly browser: BenchBrowser,
    private readonly server: StaticServer,
    private readonly cache: ClipCache | undefined,
  ) {
    this.features = new CacheTally(cache !== undefined);
    this.encoded = new CacheTally(cache !== undefined);
  }

  /** What the cache holds for clip `index`, served to the page. */
  private async lookup(index: number): Promise<PageCachedTensor[]> {
    if (!this.cache) return [];
    const out: PageCachedTensor[] = [];
    const f = await this.cache.getFeatures(index);
    if (f) out.push(this.serve(index, { kind: 'features', width: f.features.bins, frames: f.features.frames, length: f.features.length, ms: f.ms }, f.features.data));
    const e = await this.cache.getEncoded(index);
    if (e) out.push(this.serve(index, { kind: 'encoded', width: e.encoded.dim, frames: e.encoded.frames, length: e.encoded.length, ms: e.ms }, e.encoded.data, e.encodePeakBytes));
    return out;
  }

  private serve(index: number, meta: PageTensorMeta, data: Float32Array, encodePeakBytes?: number): PageCachedTensor {
    const url = `${CACHE_PATH}${meta.kind}-${index}.f32`;
    this.server.setFile(url, bytesOf(data));
    return { ...meta, url, ...(encodePeakBytes !== undefined ? { encodePeakBytes } : {}) };
  }

  /** A tensor the page computed for clip `index`, read back slice by slice; null when it kept none. */
  private async takeBack(index: number, kind: PageTensorMeta['kind']): Promise<{ meta: PageTensorMeta; data: Float32Array } | null> {
    const first = await this.browser.call('takeTensor', { index, kind, offset: 0 });
    if (!first) return null;
    const bytes = new Uint8Array(first.totalBytes);
    let slice = first;
    for (let offset = 0; ; ) {
      const chunk = Buffer.from(slice.base64, 'base64');
      bytes.set(chunk, offset);
      offset += chunk.length;
      if (offset >= first.totalBytes) break;
      const next = await this.browser.call('takeTensor', { index, kind, offset });
      if (!next) throw new Error(`the page lost the ${kind} of clip ${index} after ${offset} of ${first.totalBytes} bytes`);
      slice = next;
    }
    return { meta: first.meta, data: new Float32Array(bytes.buffer) };
  }

  /**
   * Transcribes clip `index` in two page calls, each one measured phase: nemo128 and the encoder (or
   * the cached tensors), then decoding. The first pass stores what the page computed, after the phase.
   */
  async transcribe(index: number, decoder: DecoderConfig, firstPass: boolean, measure: PhaseMeasure = unmeasured): Promise<BrowserClip> {
    const cached = await this.lookup(index);
    const served = (kind: PageTensorMeta['kind']) => cached.find((t) => t.kind === kind);
    this.features.record(served('features') !== undefined);
    this.encoded.record(served('encoded') !== undefined);
    const capture = this.cache !== undefined && firstPass && !(served('features') && served('encoded'));
    const encode = await measure(() => this.browser.call('encode', { index, ...(cached.length ? { cached } : {}), ...(capture ? { capture } : {}) }));
    // The page has its copy: drop the served bytes rather than hold every clip's tensors in Node.
    for (const t of cached) this.server.setFile(t.url, new Uint8Array(0));
    if (capture && this.cache) {
      const f = served('features') ? null : await this.takeBack(index, 'features');
      if (f) await this.cache.putFeatures(index, { data: f.data, bins: f.meta.width, frames: f.meta.frames, length: f.meta.length }, f.meta.ms);
      const e = served('encoded') ? null : await this.takeBack(index, 'encoded');
      if (e) await this.cache.putEncoded(index, { data: e.data, dim: e.meta.width, frames: e.meta.frames, length: e.meta.length }, e.meta.ms, encode.peakBytes);
    }
    const decode = await measure(() => this.browser.call('decode', { index, decoder }));
    return { clip: decode.value, encodePeakBytes: served('encoded')?.encodePeakBytes ?? encode.peakBytes, decodePeakBytes: decode.peakBytes };
  }

  /** Cache use over every clip and pass, as the result's decodeStats records it. */
  get use(): { featureCache: CacheUse; encoderCache: CacheUse } {
    return { featureCache: this.features.use, encoderCache: this.encoded.use };
  }
}
