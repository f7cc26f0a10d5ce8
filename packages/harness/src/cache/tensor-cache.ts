/**
 * Disk cache of nemo128 features and encoder outputs, so sweeps over decoders (beam widths, MAES
 * settings) run the encoder once per (variant files, backend, audio). Entries are a JSON sidecar plus
 * raw float32 bytes, written atomically (the sidecar last: an entry counts only once both are whole);
 * the stage time (and, for encoder outputs, the encode phase's memory peak) measured when an entry
 * was computed is kept so results stay comparable on a hit.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClipCache, EncodedAudio, FileHash, Features } from '@parakeet-bench/core';
import { writeFileAtomic } from '@parakeet-bench/node-io';

type CacheKind = 'features' | 'encoded';

interface Sidecar {
  readonly kind: CacheKind;
  readonly dims: { bins?: number; dim?: number; frames: number; length: number };
  readonly ms: number;
  /** Encoder outputs: the encode phase's memory peak above the runtime baseline, and the threads it ran with. */
  readonly encodePeakBytes?: number;
  readonly threads?: number;
}

/** sha256 of the samples' bytes. */
export function audioHash(samples: Float32Array): string {
  return createHash('sha256').update(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength)).digest('hex');
}

/** Cache key of any JSON-able parts. */
export function cacheKey(parts: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 40);
}

async function getEntry(dir: string, kind: CacheKind, key: string): Promise<{ side: Sidecar; data: Float32Array } | null> {
  try {
    const side = JSON.parse(await readFile(join(dir, kind, `${key}.json`), 'utf8')) as Sidecar;
    const buf = await readFile(join(dir, kind, `${key}.f32`));
    const data = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    return { side, data };
  } catch {
    return null;
  }
}

async function putEntry(dir: string, kind: CacheKind, key: string, side: Sidecar, data: Float32Array): Promise<void> {
  await writeFileAtomic(join(dir, kind, `${key}.f32`), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  await writeFileAtomic(join(dir, kind, `${key}.json`), JSON.stringify(side));
}

/** Where a config's clips are cached and whether it may read the cache. */
export interface TensorCacheOptions {
  readonly dir: string;
  /** Content hashes of the model files, with roles (the config's provenance). */
  readonly modelFiles: readonly FileHash[];
  /**
   * `fresh`: the first decoder config of a (variant, backend, threads, dataset) always runs the whole
   * pipeline (honest timings and peak RAM) and fills the cache; `reuse`: later decoder configs read it.
   */
  readonly role: 'fresh' | 'reuse';
  readonly backend: string;
  /** Intra-op threads of the config: an entry's time and memory are reused only by configs with the same. */
  readonly threads: number;
  readonly clips: readonly Float32Array[];
  /**
   * Batch size of the config (default 1). Entries of batched runs are their own: their stage times
   * are a share of a batch's, and their tensors are batch-padded.
   */
  readonly batchSize?: number;
}

/** The key of a clip's encoder output: the preprocessor, the encoder graph and its external data, the backend and the audio. */
function encodedKey(modelFiles: readonly FileHash[], backend: string, audio: string, extra: readonly string[] = []): string {
  const of = (role: string): string => JSON.stringify(modelFiles.filter((f) => f.role === role).map((f) => `${f.file}:${f.sha256}`));
  return cacheKey([of('preprocessor'), of('encoder'), backend, audio, ...extra]);
}

const encodedOf = (side: Sidecar, data: Float32Array): EncodedAudio | null =>
  side.dims.dim === undefined ? null : { data, dim: side.dims.dim, frames: side.dims.frames, length: side.dims.length };

/** Where the encoder outputs of some clips are (or go), for readers outside a config's {@link ClipCache}. */
export interface EncodedLocation {
  readonly dir: string;
  readonly modelFiles: readonly FileHash[];
  readonly backend: string;
}

/** The cached encoder output of each clip (null where there is none), whoever computed it. */
export async function readEncodedOutputs(at: EncodedLocation, clips: readonly Float32Array[]): Promise<(EncodedAudio | null)[]> {
  return Promise.all(
    clips.map(async (c) => {
      const e = await getEntry(at.dir, 'encoded', encodedKey(at.modelFiles, at.backend, audioHash(c)));
      return e ? encodedOf(e.side, e.data) : null;
    }),
  );
}

/** Stores an encoder output computed outside any config (no time or memory figures: no config reuses it as its own). */
export function writeEncodedOutput(at: EncodedLocation, clip: Float32Array, e: EncodedAudio): Promise<void> {
  return putEntry(at.dir, 'encoded', encodedKey(at.modelFiles, at.backend, audioHash(clip)), { kind: 'encoded', dims: { dim: e.dim, frames: e.frames, length: e.length }, ms: 0 }, e.data);
}

/**
 * The {@link ClipCache} of one config: features keyed by the content of the preprocessor graph, the
 * backend and the audio; encoder output as {@link encodedKey}. Content, not names or dates: a
 * replaced model file or audio file misses. An encoder entry keeps the time and memory of the encoder
 * run that made it, so a config reusing it reports that run.
 */
export function tensorClipCache(o: TensorCacheOptions): ClipCache {
  const pre = JSON.stringify(o.modelFiles.filter((f) => f.role === 'preprocessor').map((f) => `${f.file}:${f.sha256}`));
  const audio = o.clips.map(audioHash);
  // Batch 1 keeps the keys it always had, so existing cache entries stay valid.
  const batch = (o.batchSize ?? 1) !== 1 ? [`batch ${o.batchSize}`] : [];
  const featKey = (clip: number): string => cacheKey([pre, o.backend, audio[clip] ?? '', ...batch]);
  const encKey = (clip: number): string => encodedKey(o.modelFiles, o.backend, audio[clip] ?? '', batch);
  const read = o.role === 'reuse';
  return {
    async getFeatures(clip) {
      const e = read ? await getEntry(o.dir, 'features', featKey(clip)) : null;
      if (!e || e.side.dims.bins === undefined) return null;
      return { features: { data: e.data, bins: e.side.dims.bins, frames: e.side.dims.frames, length: e.side.dims.length }, ms: e.side.ms };
    },
    putFeatures: (clip, f: Features, ms) =>
      putEntry(o.dir, 'features', featKey(clip), { kind: 'features', dims: { bins: f.bins, frames: f.frames, length: f.length }, ms }, f.data),
    async getEncoded(clip) {
      const e = read ? await getEntry(o.dir, 'encoded', encKey(clip)) : null;
      // An entry without the encoder run's memory (older, or computed outside a config) or from other
      // threads cannot stand for this config's encoder run: it runs the encoder itself.
      if (!e || e.side.encodePeakBytes === undefined || e.side.threads !== o.threads) return null;
      const encoded = encodedOf(e.side, e.data);
      return encoded ? { encoded, ms: e.side.ms, encodePeakBytes: e.side.encodePeakBytes } : null;
    },
    putEncoded: (clip, e: EncodedAudio, ms, encodePeakBytes) =>
      putEntry(
        o.dir,
        'encoded',
        encKey(clip),
        { kind: 'encoded', dims: { dim: e.dim, frames: e.frames, length: e.length }, ms, threads: o.threads, ...(encodePeakBytes !== null ? { encodePeakBytes } : {}) },
        e.data,
      ),
  };
}
