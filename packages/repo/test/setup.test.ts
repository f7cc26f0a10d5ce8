/**
 * The README's set-up is `npm ci` then npm scripts: it must attempt no download that fails here
 * (onnxruntime-node's CUDA binaries), print no npm warning about the project's config, and keep turbo's
 * telemetry off without asking the user to set anything.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './repo-root.ts';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  allowScripts?: Record<string, boolean>;
};

describe('set-up', () => {
  it("denies onnxruntime-node's install script (its CUDA download) through npm's allowScripts policy", () => {
    expect(pkg.allowScripts?.['onnxruntime-node']).toBe(false);
  });

  it('has no .npmrc entry npm does not know (npm warns about those on every command)', () => {
    const r = spawnSync('npm', ['config', 'get', 'fund'], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/Unknown (project|user|env) config/);
  });

  it('runs turbo through the launcher that switches its telemetry off', () => {
    for (const name of ['bench', 'test', 'typecheck']) expect(pkg.scripts[name], `npm run ${name}`).toMatch(/^node scripts\/turbo\.mjs run /);
    expect(readFileSync(join(repoRoot, 'scripts', 'turbo.mjs'), 'utf8')).toContain("TURBO_TELEMETRY_DISABLED: '1'");
  });
});
