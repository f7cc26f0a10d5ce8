export { nodeCpuBackend } from './node-cpu-backend.ts';
export type { NodeSessionOptions } from './node-source.ts';
export { nodeModelSource, openNodeSession, ortNodeVersion } from './node-source.ts';
