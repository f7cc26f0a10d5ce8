/** Where generated fixtures, fetched models and datasets, and the tensor and oracle caches live. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** PARAKEET_BENCH_CACHE, else `<repo root>/.cache` (git-ignored). */
export function defaultCacheDir(): string {
  const fromEnv = process.env['PARAKEET_BENCH_CACHE'];
  return fromEnv ? resolve(fromEnv) : fileURLToPath(new URL('../../../.cache', import.meta.url));
}
