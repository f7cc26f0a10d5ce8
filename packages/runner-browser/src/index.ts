export type { BrowserRunOptions } from './browser-backend.ts';
export { BROWSER_BACKENDS, transcribeInBrowser, webGpuBackend, webWasmBackend } from './browser-backend.ts';
export type { BrowserLimits } from './browser-limits.ts';
export { DEFAULT_BROWSER_LIMITS } from './browser-limits.ts';
export type { BrowserModelPlan } from './browser-limits.ts';
export { planBrowserModel } from './browser-limits.ts';
export type { OnnxScan } from './onnx-scan.ts';
export { scanOnnx } from './onnx-scan.ts';
