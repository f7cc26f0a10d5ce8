/**
 * THE backend registry: every backend name of the result schema maps to the adapter that runs it.
 * Adapters load on first use, so a node-cpu worker never loads the browser runner and its
 * dependencies (esbuild, puppeteer), and the sweep's parent process loads none. Adding a backend:
 * implement core's `Backend` in a runner package, add its name to `backendSchema`
 * (core/src/schema.ts), and register it here.
 */
import type { Backend, BackendName } from '@parakeet-bench/core';
import { packageVersion } from './provenance/harness-info.ts';

/** One registered backend. */
export interface BackendEntry {
  /** The runtime results name for it, known before anything loads (a crashed config records it too). */
  readonly runtime: string;
  /** The installed runtime's version, read without loading it. */
  runtimeVersion(): string;
  load(): Promise<Backend>;
}

/** Backend name -> its registration. */
export const backends: { readonly [K in BackendName]: BackendEntry } = {
  'node-cpu': {
    runtime: 'onnxruntime-node',
    runtimeVersion: () => packageVersion('onnxruntime-node'),
    load: async () => (await import('@parakeet-bench/runner-node')).nodeCpuBackend,
  },
  'web-wasm': {
    runtime: 'onnxruntime-web',
    runtimeVersion: () => packageVersion('onnxruntime-web'),
    load: async () => (await import('@parakeet-bench/runner-browser')).webWasmBackend,
  },
  'web-webgpu': {
    runtime: 'onnxruntime-web',
    runtimeVersion: () => packageVersion('onnxruntime-web'),
    load: async () => (await import('@parakeet-bench/runner-browser')).webGpuBackend,
  },
  'web-hybrid': {
    runtime: 'onnxruntime-web',
    runtimeVersion: () => packageVersion('onnxruntime-web'),
    load: async () => (await import('@parakeet-bench/runner-browser')).webHybridBackend,
  },
};
