import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding turbo.json), found from this file. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'turbo.json'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

/** Cache for generated fixtures and fetched models: PARAKEET_BENCH_CACHE, else <repo>/.cache. */
export function cacheDir(): string {
  return resolve(process.env['PARAKEET_BENCH_CACHE'] ?? join(repoRoot(), '.cache'));
}
