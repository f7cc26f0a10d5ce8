import { join } from 'node:path';
import type { BenchResult, EncodedAudio, Features, ParakeetModel, StageTimings } from '@parakeet-bench/core';
import { computeFeatures, encodeFeatures, nowMs } from '@parakeet-bench/core';
import type { TensorCache } from './tensor-cache.ts';
import { audioHash, cacheKey, fileIdentity, getEncoded, getFeatures, putEncoded, putFeatures } from './tensor-cache.ts';

/** Cache outcome of one config: every clip hit, none did, or some. */
export type CacheUse = NonNullable<BenchResult['decodeStats']>['encoderCache'];

/** Tracks hits and misses across a config's clips. */
export class CacheTally {
  private hits = 0;
  private misses = 0;
  constructor(private readonly enabled: boolean) {}
  record(hit: boolean): void {
    if (hit) this.hits++;
    else this.misses++;
  }
  /** Summary for the result's decodeStats. */
  get use(): CacheUse {
    if (!this.enabled) return 'off';
    if (this.misses === 0 && this.hits > 0) return 'hit';
    return this.hits === 0 ? 'miss' : 'partial';
  }
}

/** What the cache needs to know about where a clip is being encoded. */
export interface EncodeContext {
  readonly cache?: TensorCache;
  /** Read the cache (`reuse`) or only fill it (`fresh`). */
  readonly role: 'fresh' | 'reuse';
  readonly backend: string;
  readonly featureTally: CacheTally;
  readonly encoderTally: CacheTally;
}

/**
 * nemo128 + encoder with the disk cache: features keyed by (preprocessor file, backend, audio),
 * encoder output by (preprocessor, encoder file, backend, audio). On a hit the stage time measured
 * when the entry was computed is added, so RTF stays comparable across decoders. `fresh` configs never
 * read the cache, so a warm cache cannot make their peak RAM or timings look better than a cold run.
 */
export async function encodeCached(
  model: ParakeetModel,
  samples: Float32Array,
  timings: StageTimings,
  ctx: EncodeContext,
): Promise<{ features: Features; encoded: EncodedAudio }> {
  const { cache } = ctx;
  const dir = model.variant.dir;
  let featKey = '';
  let encKey = '';
  if (cache) {
    const audio = audioHash(samples);
    const pre = await fileIdentity(join(dir, model.variant.preprocessorFile ?? 'nemo128.onnx'));
    const enc = await fileIdentity(join(dir, model.variant.encoderFile));
    featKey = cacheKey([pre, ctx.backend, audio]);
    encKey = cacheKey([pre, enc, ctx.backend, audio]);
  }
  let features: Features;
  const read = cache && ctx.role === 'reuse';
  const cachedFeatures = read ? await getFeatures(cache, featKey) : null;
  if (cachedFeatures) {
    features = cachedFeatures.features;
    timings.preprocessMs += cachedFeatures.ms;
  } else {
    const t0 = nowMs();
    features = await computeFeatures(model.preprocessor, samples);
    const ms = nowMs() - t0;
    timings.preprocessMs += ms;
    if (cache) await putFeatures(cache, featKey, features, ms);
  }
  ctx.featureTally.record(cachedFeatures !== null);
  const cachedEncoded = read ? await getEncoded(cache, encKey) : null;
  ctx.encoderTally.record(cachedEncoded !== null);
  if (cachedEncoded) {
    timings.encodeMs += cachedEncoded.ms;
    return { features, encoded: cachedEncoded.encoded };
  }
  const t0 = nowMs();
  const encoded = await encodeFeatures(model.encoder, features);
  const ms = nowMs() - t0;
  timings.encodeMs += ms;
  if (cache) await putEncoded(cache, encKey, encoded, ms);
  return { features, encoded };
}
