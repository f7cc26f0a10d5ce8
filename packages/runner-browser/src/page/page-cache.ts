/**
 * The page's side of the tensor cache. The cache itself lives on disk on the Node side (the harness's
 * ClipCache): a hit arrives as a URL the page fetches, and what the page computes on a miss is kept
 * here until the Node side has read it back in slices (page.evaluate carries strings, so base64).
 */
import type { ClipCache, EncodedAudio, Features } from '@parakeet-bench/core';
import type { PageCachedTensor, PageTensorMeta, PageTensorSlice } from './page-protocol.ts';

/** Raw bytes per slice handed back to Node: small enough for one CDP message of base64. */
export const SLICE_BYTES = 4 * 2 ** 20;

const captured = new Map<string, { meta: PageTensorMeta; bytes: Uint8Array }>();
const key = (index: number, kind: PageTensorMeta['kind']): string => `${index}/${kind}`;

async function fetchFloats(url: string): Promise<Float32Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Float32Array(await res.arrayBuffer());
}

/** The ClipCache of one clip's transcription in the page. */
export function pageClipCache(index: number, cached: readonly PageCachedTensor[], capture: boolean): ClipCache {
  /** The tensor of `kind` the Node side served, fetched, or null on a miss. */
  const served = async (kind: PageTensorMeta['kind']) => {
    const t = cached.find((c) => c.kind === kind);
    return t ? { t, data: await fetchFloats(t.url) } : null;
  };
  const keep = (meta: PageTensorMeta, data: Float32Array): void => {
    if (capture) captured.set(key(index, meta.kind), { meta, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
  };
  return {
    async getFeatures() {
      const s = await served('features');
      return s && { features: { data: s.data, bins: s.t.width, frames: s.t.frames, length: s.t.length } satisfies Features, ms: s.t.ms };
    },
    async putFeatures(_clip, f, ms) {
      keep({ kind: 'features', width: f.bins, frames: f.frames, length: f.length, ms }, f.data);
    },
    async getEncoded() {
      const s = await served('encoded');
      // The figure travels with the entry for the contract's sake; the Node side reports it.
      return s && { encoded: { data: s.data, dim: s.t.width, frames: s.t.frames, length: s.t.length } satisfies EncodedAudio, ms: s.t.ms, encodePeakBytes: s.t.encodePeakBytes ?? 0 };
    },
    async putEncoded(_clip, e, ms) {
      keep({ kind: 'encoded', width: e.dim, frames: e.frames, length: e.length, ms }, e.data);
    },
  };
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A slice of a captured tensor (see PageCalls.takeTensor). */
export function takeTensorSlice(index: number, kind: PageTensorMeta['kind'], offset: number): PageTensorSlice | null {
  const entry = captured.get(key(index, kind));
  if (!entry) return null;
  const end = Math.min(offset + SLICE_BYTES, entry.bytes.length);
  if (end >= entry.bytes.length) captured.delete(key(index, kind));
  return { meta: entry.meta, totalBytes: entry.bytes.length, base64: base64Of(entry.bytes.subarray(offset, end)) };
}
