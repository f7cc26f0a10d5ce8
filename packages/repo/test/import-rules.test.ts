/**
 * Which package may import which (docs/architecture.md draws the same map). Checked on every import
 * in every TypeScript file, static and dynamic, and against each package.json, so a shortcut such as
 * the browser runner reaching into the node runner fails here instead of growing into a tangle.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './repo-root.ts';

/** Runtime dependencies allowed per package (what src/ may import). */
export const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  core: [],
  'node-io': [],
  chromium: [],
  fixture: ['core', 'node-io'],
  hub: ['core', 'node-io'],
  results: ['core', 'node-io'],
  'runner-node': ['core'],
  'runner-browser': ['core', 'chromium', 'node-io'],
  harness: ['core', 'node-io', 'results', 'fixture', 'hub', 'runner-node', 'runner-browser'],
  gate: ['core', 'node-io', 'results'],
  reports: ['core', 'node-io', 'results'],
  cli: ['core', 'node-io', 'results', 'fixture', 'hub', 'harness', 'gate', 'reports'],
  repo: [],
};

/** Extra packages tests and benchmarks (test/, bench/, *.test.ts) may use. */
export const ALLOWED_IN_TESTS: Readonly<Record<string, readonly string[]>> = {
  'runner-node': ['fixture'],
  'runner-browser': ['fixture'],
  reports: ['chromium'],
  cli: [],
  gate: [],
  harness: [],
};

/** Modules core may not import: it runs in browsers too, so no Node built-ins and no runtime. */
const CORE_FORBIDDEN = /^(node:|fs$|path$|os$|child_process$|onnxruntime-)/;

const packagesDir = join(repoRoot, 'packages');
const packages = readdirSync(packagesDir).filter((p) => existsSync(join(packagesDir, p, 'package.json')));

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : tsFiles(path);
    return /\.(ts|mts|mjs)$/.test(e.name) ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, statically or with import(). */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

const isTestFile = (pkg: string, file: string): boolean => {
  const rel = relative(join(packagesDir, pkg), file);
  return rel.startsWith('test/') || rel.startsWith('bench/') || /\.test\.ts$/.test(file);
};

interface Violation {
  readonly file: string;
  readonly specifier: string;
  readonly why: string;
}

function violations(): Violation[] {
  const found: Violation[] = [];
  for (const pkg of packages) {
    const root = join(packagesDir, pkg);
    // This file spells out sample imports in strings.
    for (const file of tsFiles(root).filter((f) => f !== fileURLToPath(import.meta.url))) {
      const test = isTestFile(pkg, file);
      const allowed = new Set([pkg, ...(ALLOWED[pkg] ?? []), ...(test ? (ALLOWED_IN_TESTS[pkg] ?? []) : [])]);
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const where = relative(repoRoot, file);
        const m = /^@parakeet-bench\/([a-z-]+)(\/.*)?$/.exec(spec);
        if (m) {
          if (!allowed.has(m[1]!)) found.push({ file: where, specifier: spec, why: `${pkg} may not import ${m[1]}` });
          else if (m[2] && m[2] !== '/testing') found.push({ file: where, specifier: spec, why: 'only the package root or its /testing subpath may be imported' });
          else if (m[2] === '/testing' && !test) found.push({ file: where, specifier: spec, why: '/testing helpers are for tests only' });
        } else if (spec.startsWith('.')) {
          const target = resolve(file, '..', spec);
          if (!target.startsWith(root + '/')) found.push({ file: where, specifier: spec, why: 'relative import out of its package: import the package by name' });
        } else if (pkg === 'core' && !test && CORE_FORBIDDEN.test(spec)) {
          found.push({ file: where, specifier: spec, why: 'core knows no runtime: no Node built-ins or onnxruntime in core/src' });
        }
      }
    }
  }
  return found;
}

describe('imports between packages', () => {
  it('knows every package', () => {
    expect(packages.sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it('finds the imports of a file, whatever their form', () => {
    const src = `import type { A } from '@parakeet-bench/core';\nimport {\n  b,\n} from "./b.ts";\nexport { c } from '../c.ts';\nimport './side.ts';\nconst d = await import('@parakeet-bench/harness');`;
    expect(importsOf(src)).toEqual(['@parakeet-bench/core', './b.ts', '../c.ts', './side.ts', '@parakeet-bench/harness']);
  });

  it('follows the allowed map: no package imports one it may not', () => {
    const v = violations();
    expect(v.map((x) => `${x.file}: ${x.specifier}: ${x.why}`)).toEqual([]);
  });

  it('declares in package.json exactly the workspace packages its source imports', () => {
    for (const pkg of packages) {
      const json = JSON.parse(readFileSync(join(packagesDir, pkg, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
      const declared = (deps: Record<string, string> | undefined) => Object.keys(deps ?? {}).filter((d) => d.startsWith('@parakeet-bench/')).map((d) => d.slice('@parakeet-bench/'.length)).sort();
      expect(declared(json.dependencies), `${pkg}/package.json dependencies`).toEqual([...(ALLOWED[pkg] ?? [])].sort());
      for (const d of declared(json.devDependencies)) expect(ALLOWED_IN_TESTS[pkg] ?? [], `${pkg}/package.json devDependencies`).toContain(d);
    }
  });

  it('runner-node and runner-browser never depend on each other or on the harness', () => {
    for (const runner of ['runner-node', 'runner-browser']) {
      const reach = new Set([...(ALLOWED[runner] ?? []), ...(ALLOWED_IN_TESTS[runner] ?? [])]);
      for (const other of ['runner-node', 'runner-browser', 'harness']) if (other !== runner) expect(reach.has(other), `${runner} -> ${other}`).toBe(false);
    }
  });

  it('every package index only re-exports by name (no export *)', () => {
    for (const pkg of packages) {
      const index = join(packagesDir, pkg, 'src', 'index.ts');
      if (!existsSync(index) || !statSync(index).isFile()) continue;
      expect(readFileSync(index, 'utf8'), `${pkg}/src/index.ts`).not.toMatch(/export \* from/);
    }
  });
});
