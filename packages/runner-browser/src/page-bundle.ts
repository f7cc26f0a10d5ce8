/**
 * Builds the benchmark page: src/page/page-main.ts bundled with esbuild (core + onnxruntime-web's JS),
 * while onnxruntime-web's .wasm/.mjs stay separate files served from its dist folder.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Entry of the page bundle. */
export const PAGE_ENTRY = fileURLToPath(new URL('./page/page-main.ts', import.meta.url));

/** URL paths the server uses for the page pieces. */
export const PAGE_PATHS = { html: '/', bundle: '/app/page.js', ort: '/ort/', model: '/model/', audio: '/audio/' } as const;

/** The page HTML: a module script, nothing else. */
export const PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>parakeet-bench browser runner</title></head>
<body><script type="module" src="${PAGE_PATHS.bundle}"></script></body></html>
`;

/** onnxruntime-web's dist folder (its .wasm and worker .mjs files). */
export function ortWebDistDir(): string {
  const require = createRequire(import.meta.url);
  // package.json is not exported; the wasm file is, and it lives in dist/.
  return dirname(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));
}

/**
 * Which onnxruntime-web build the page runs: the default one, or the JSPI build (WebAssembly
 * JavaScript Promise Integration), the only one that can mount external data as Blobs.
 */
export type OrtWebBuild = 'default' | 'jspi';

const cached = new Map<OrtWebBuild, Promise<string>>();

/** Bundles the page once per process and onnxruntime-web build. */
export function buildPageBundle(ortBuild: OrtWebBuild = 'default'): Promise<string> {
  const hit = cached.get(ortBuild);
  if (hit) return hit;
  const bundled = build({
    entryPoints: [PAGE_ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    // The "extern wasm" build loads ort-wasm-*.mjs/.wasm from env.wasm.wasmPaths instead of inlining
    // 20+ MB of wasm into our bundle.
    conditions: ['onnxruntime-web-use-extern-wasm'],
    ...(ortBuild === 'jspi' ? { alias: { 'onnxruntime-web': 'onnxruntime-web/jspi' } } : {}),
    write: false,
    logLevel: 'silent',
  }).then((r) => {
    const out = r.outputFiles[0];
    if (!out) throw new Error(`esbuild produced no output for ${PAGE_ENTRY}`);
    return out.text;
  });
  cached.set(ortBuild, bundled);
  bundled.catch(() => cached.delete(ortBuild));
  return bundled;
}
