import { fileURLToPath } from 'node:url';

/**
 * Worker script for web-wasm and web-webgpu configs, for `runSweep(spec, { workers: { 'web-wasm':
 * BROWSER_WORKER, 'web-webgpu': BROWSER_WORKER } })`.
 */
export const BROWSER_WORKER = fileURLToPath(new URL('./worker-main.ts', import.meta.url));
