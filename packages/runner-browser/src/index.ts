export type { BrowserRunOptions } from './browser-backend.ts';
export { BROWSER_BACKENDS, transcribeInBrowser, webGpuBackend, webWasmBackend } from './browser-backend.ts';
export type { BrowserLimits } from './browser-limits.ts';
export { DEFAULT_BROWSER_LIMITS } from './browser-limits.ts';
