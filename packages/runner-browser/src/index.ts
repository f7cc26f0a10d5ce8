export type { BrowserRunOptions } from './browser-backend.ts';
export { BROWSER_BACKENDS, transcribeInBrowser, webGpuBackend, webWasmBackend } from './browser-backend.ts';
export type { BrowserLimits } from './browser-limits.ts';
export { CHROMIUM_ARRAY_BUFFER_MAX_BYTES, DEFAULT_BROWSER_LIMITS } from './browser-limits.ts';
export { probeArrayBufferSizes } from './fetch-ceiling.ts';
export type { ArrayBufferProbe } from './page/page-protocol.ts';
