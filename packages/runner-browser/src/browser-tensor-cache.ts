/**
 * The browser runner's use of the harness's tensor cache. The cache lives on disk on the Node side
 * (the request's ClipCache); per clip, a stored nemo128 output or encoder output is served to the
 * page, which then skips that stage (a cache hit, recorded as node-cpu records it: the stage time is
 * the one measured when the entry was computed); what the page computes on a miss is read back on
 * the first pass and stored, so a later decoder config of the same variant, backend and audio reuses it.
 */
import type { CacheUse, ClipCache, ClipTranscript, DecoderConfig } from '@parakeet-bench/core';
import { CacheTally } from '@parakeet-bench/core';
import type { BenchBrowser } from './bench-browser.ts';
import type { PageCachedTensor, PageTensorMeta } from './page/page-protocol.ts';
import type { StaticServer } from './static-server.ts';

/** URL prefix of cached tensors served to the page. */
const CACHE_PATH = '/tensors/';

const bytesOf = (data: Float32Array): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

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
    if (e) out.push(this.serve(index, { kind: 'encoded', width: e.encoded.dim, frames: e.encoded.frames, length: e.encoded.length, ms: e.ms }, e.encoded.data));
    return out;
  }

  private serve(index: number, meta: PageTensorMeta, data: Float32Array): PageCachedTensor {
    const url = `${CACHE_PATH}${meta.kind}-${index}.f32`;
    this.server.setFile(url, bytesOf(data));
    return { ...meta, url };
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

  /** Transcribes clip `index`; the first pass stores what the page computed. */
  async transcribe(index: number, decoder: DecoderConfig, firstPass: boolean): Promise<ClipTranscript> {
    const cached = await this.lookup(index);
    const hit = (kind: PageTensorMeta['kind']) => cached.some((t) => t.kind === kind);
    this.features.record(hit('features'));
    this.encoded.record(hit('encoded'));
    const capture = this.cache !== undefined && firstPass && !(hit('features') && hit('encoded'));
    const clip = await this.browser.call('transcribe', { index, decoder, ...(cached.length ? { cached } : {}), ...(capture ? { capture } : {}) });
    // The page has its copy: drop the served bytes rather than hold every clip's tensors in Node.
    for (const t of cached) this.server.setFile(t.url, new Uint8Array(0));
    if (capture && this.cache) {
      const f = hit('features') ? null : await this.takeBack(index, 'features');
      if (f) await this.cache.putFeatures(index, { data: f.data, bins: f.meta.width, frames: f.meta.frames, length: f.meta.length }, f.meta.ms);
      const e = hit('encoded') ? null : await this.takeBack(index, 'encoded');
      if (e) await this.cache.putEncoded(index, { data: e.data, dim: e.meta.width, frames: e.meta.frames, length: e.meta.length }, e.meta.ms);
    }
    return clip;
  }

  /** Cache use over every clip and pass, as the result's decodeStats records it. */
  get use(): { featureCache: CacheUse; encoderCache: CacheUse } {
    return { featureCache: this.features.use, encoderCache: this.encoded.use };
  }
}
