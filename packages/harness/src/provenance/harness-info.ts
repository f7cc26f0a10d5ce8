/** Which harness and which runtime made a result: package versions and the git commit when there is one. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** The harness's version: the repository's package version, its git commit and whether the tree was dirty. */
export interface HarnessInfo {
  readonly version: string;
  readonly commit?: string;
  readonly dirty?: boolean;
}

let cached: HarnessInfo | undefined;

/** This checkout's version (read once per process). */
export function harnessInfo(): HarnessInfo {
  if (cached) return cached;
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const git = (args: string[]): string | undefined => {
    const r = spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : undefined;
  };
  const commit = existsSync(join(repoRoot, '.git')) ? git(['rev-parse', 'HEAD']) : undefined;
  const status = commit ? git(['status', '--porcelain', '--untracked-files=no']) : undefined;
  cached = { version, ...(commit ? { commit } : {}), ...(status ? { dirty: true } : {}) };
  return cached;
}

/** The version of an installed npm package (e.g. onnxruntime-node), found from its entry point. */
export function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(name));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (json.name === name && json.version) return json.version;
    }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}
