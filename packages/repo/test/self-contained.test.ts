/**
 * A clone of the repository is the whole product: no source, test, script or doc may read from, or
 * point a user at, a folder outside it (the development machine's ../shared, a home directory).
 * Real audio and golden references the tests use are bundled under datasets/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './repo-root.ts';

/** Where our own code and text live (datasets/ holds third-party data files and is checked apart). */
const SCANNED = ['packages', 'scripts', 'bench', '.ci', '.github', 'docs', 'README.md', 'datasets/README.md'];
const TEXT_FILE = /\.(ts|mts|mjs|js|cjs|json|md|ya?ml|sh|html|txt)$|^[^.]+$/;
const SKIP_DIRS = new Set(['node_modules', '.cache', '.turbo', 'dist']);

/** A path outside the clone: the shared data/docs folder beside it, or a machine's home or work dir. */
export const OUTSIDE_PATH = /(?:\.\.\/)+shared\b|(?<![\w.-])\/(?:work|root)\/|(?<![\w.-])\/(?:home|Users)\/[\w.-]+\/|\b[A-Z]:\\\\?(?:Users|github)\\/;

function listFiles(path: string, keep: RegExp = TEXT_FILE): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (SKIP_DIRS.has(e.name) ? [] : listFiles(join(path, e.name), keep)) : keep.test(e.name) ? [join(path, e.name)] : [],
  );
}

describe('the repository stands alone', () => {
  it('recognises the kinds of outside paths it refuses', () => {
    for (const bad of ["join(dir, '../../../../shared/data/audio')", 'mounted at /work/shared/data', "'/home/alice/models/x.onnx'", '/Users/bob/data', ' /root/.cache', 'N:\\github\\x']) {
      expect(OUTSIDE_PATH.test(bad), bad).toBe(true);
    }
    for (const ok of ['/usr/bin/chromium', '/proc/self/status', 'shared by every runner', 'datasets/jfk-11s/jfk-11s.wav', '/tmp/x', '/srv/ci/work/x.wav']) {
      expect(OUTSIDE_PATH.test(ok), ok).toBe(false);
    }
  });

  it('no file under packages/, scripts/, bench/, .ci/, .github/ or docs/ names a path outside the clone', () => {
    // This file must spell out the patterns it refuses.
    const files = SCANNED.flatMap((p) => listFiles(join(repoRoot, p))).filter((f) => f !== fileURLToPath(import.meta.url));
    expect(files.length).toBeGreaterThan(100);
    const offenders: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (OUTSIDE_PATH.test(line)) offenders.push(`${relative(repoRoot, file)}:${i + 1}: ${line.trim().slice(0, 160)}`);
        });
    }
    expect(offenders, `these lines reach outside the repository; bundle the data under datasets/ instead:\n${offenders.join('\n')}`).toEqual([]);
  });

  it('bundles the real audio and golden data the tests use, each listed in datasets/README.md', () => {
    const readme = readFileSync(join(repoRoot, 'datasets', 'README.md'), 'utf8');
    const data = listFiles(join(repoRoot, 'datasets'), /\.(wav|ogg|json)$/).map((f) => relative(join(repoRoot, 'datasets'), f));
    expect(data).toEqual(expect.arrayContaining(['jfk-11s/jfk-11s.wav', 'fleurs-fr-sample/fleurs-fr-test-009.ogg', 'reference/nemo128-mel-reference.json']));
    for (const f of data) expect(readme, `datasets/README.md does not list ${f}`).toContain(f.split('/').pop()!.replace(/-00\d\./, '-00N.'));
    for (let n = 0; n < 10; n++) {
      for (const ext of ['ogg', 'txt']) expect(existsSync(join(repoRoot, 'datasets', 'fleurs-fr-sample', `fleurs-fr-test-00${n}.${ext}`))).toBe(true);
    }
    expect(readme).toMatch(/CC[ -]BY[ -]4\.0/);
    expect(readme).toMatch(/public domain/i);
  });
});
