import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EncodedAudio, Features } from '@parakeet-bench/core';

/**
 * Disk cache of nemo128 features and encoder outputs, so sweeps over decoders (beam widths, MAES
 * settings) run the encoder once per (variant files, backend, audio). Entries are a JSON sidecar plus
 * raw float32 bytes, written atomically; the stage time measured when an entry was computed is kept
 * so results stay comparable on a hit.
 */
export interface TensorCache {
  readonly dir: string;
}

/** Which cache kinds exist. */
export type CacheKind = 'features' | 'encoded';

interface Sidecar {
  readonly kind: CacheKind;
  readonly dims: { bins?: number; dim?: number; frames: number; length: number };
  readonly ms: number;
}

/** Identity of a graph file: path, size and mtime (cheap, and changes whenever the file is replaced). */
export async function fileIdentity(path: string): Promise<string> {
  const s = await stat(path);
  return `${path}:${s.size}:${s.mtimeMs}`;
}

/** sha256 of the samples' bytes. */
export function audioHash(samples: Float32Array): string {
  return createHash('sha256').update(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength)).digest('hex');
}

/** Cache key of any JSON-able parts. */
export function cacheKey(parts: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 40);
}

async function getEntry(cache: TensorCache, kind: CacheKind, key: string): Promise<{ side: Sidecar; data: Float32Array } | null> {
  try {
    const side = JSON.parse(await readFile(join(cache.dir, kind, `${key}.json`), 'utf8')) as Sidecar;
    const buf = await readFile(join(cache.dir, kind, `${key}.f32`));
    const data = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    return { side, data };
  } catch {
    return null;
  }
}

async function putEntry(cache: TensorCache, kind: CacheKind, key: string, side: Sidecar, data: Float32Array): Promise<void> {
  const dir = join(cache.dir, kind);
  await mkdir(dir, { recursive: true });
  const tmp = `.${process.pid}.${Date.now()}.tmp`;
  await writeFile(join(dir, `${key}.f32${tmp}`), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  await rename(join(dir, `${key}.f32${tmp}`), join(dir, `${key}.f32`));
  // The sidecar lands last: an entry counts only once both files are whole.
  await writeFile(join(dir, `${key}.json${tmp}`), JSON.stringify(side));
  await rename(join(dir, `${key}.json${tmp}`), join(dir, `${key}.json`));
}

/** Reads cached features, or null. */
export async function getFeatures(cache: TensorCache, key: string): Promise<{ features: Features; ms: number } | null> {
  const e = await getEntry(cache, 'features', key);
  if (!e || e.side.dims.bins === undefined) return null;
  return { features: { data: e.data, bins: e.side.dims.bins, frames: e.side.dims.frames, length: e.side.dims.length }, ms: e.side.ms };
}

/** Stores features with the milliseconds they took. */
export function putFeatures(cache: TensorCache, key: string, f: Features, ms: number): Promise<void> {
  return putEntry(cache, 'features', key, { kind: 'features', dims: { bins: f.bins, frames: f.frames, length: f.length }, ms }, f.data);
}

/** Reads a cached encoder output, or null. */
export async function getEncoded(cache: TensorCache, key: string): Promise<{ encoded: EncodedAudio; ms: number } | null> {
  const e = await getEntry(cache, 'encoded', key);
  if (!e || e.side.dims.dim === undefined) return null;
  return { encoded: { data: e.data, dim: e.side.dims.dim, frames: e.side.dims.frames, length: e.side.dims.length }, ms: e.side.ms };
}

/** Stores an encoder output with the milliseconds it took. */
export function putEncoded(cache: TensorCache, key: string, e: EncodedAudio, ms: number): Promise<void> {
  return putEntry(cache, 'encoded', key, { kind: 'encoded', dims: { dim: e.dim, frames: e.frames, length: e.length }, ms }, e.data);
}
