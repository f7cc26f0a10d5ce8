/**
 * Where each browser backend runs which graph: web-wasm all on wasm, web-webgpu all on WebGPU,
 * web-hybrid the encoder on WebGPU and the preprocessor and decoder_joint on wasm (one page). The
 * runner asks these instead of comparing backend names, so a backend is described in one place.
 */
import type { BackendName } from '@parakeet-bench/core';
import type { BrowserModelPlan } from './browser-limits.ts';
import type { PageLoadRequest } from './page/page-protocol.ts';

type OkPlan = Extract<BrowserModelPlan, { status: 'ok' }>;

/** True when some graph runs on WebGPU: Chromium needs its WebGPU flags and the GPU process is measured. */
export function usesWebGpu(backend: BackendName): boolean {
  return backend === 'web-webgpu' || backend === 'web-hybrid';
}

/** The page's view of the backend. */
export function pageBackend(backend: BackendName): Pick<PageLoadRequest, 'backend' | 'encoderOnWebGpu'> {
  if (backend === 'web-hybrid') return { backend: 'web-wasm', encoderOnWebGpu: true };
  return { backend: backend === 'web-webgpu' ? 'web-webgpu' : 'web-wasm' };
}

/** The float16 graphs that would run on WebGPU (they need the adapter's shader-f16). */
export function webGpuFloat16Graphs(plan: OkPlan, backend: BackendName): readonly string[] {
  if (backend === 'web-hybrid') return plan.float16Graphs.filter((g) => g === plan.variant.encoderFile);
  return backend === 'web-webgpu' ? plan.float16Graphs : [];
}

/** Notes the plan leaves to the backend: web-hybrid's float16 graphs on wasm are upcast like web-wasm's. */
export function placementNotes(plan: OkPlan, backend: BackendName): string[] {
  if (backend !== 'web-hybrid') return [];
  const onWasm = plan.float16Graphs.filter((g) => g !== plan.variant.encoderFile);
  return onWasm.length > 0
    ? [`fp16 on wasm: ${onWasm.join(', ')} hold float16 weights; onnxruntime-web's wasm kernels have no fp16 arithmetic, so they are upcast/emulated in fp32 (accuracy of fp16 weights, not fp16 speed)`]
    : [];
}

/**
 * Why a backend cannot run without WebGPU, as an `unsupported` reason (web-hybrid), or null when the
 * missing adapter is a failure of the run instead (web-webgpu, as it has always been recorded).
 */
export function missingWebGpuReason(backend: BackendName, probe: string): string | null {
  if (backend !== 'web-hybrid') return null;
  return `web-hybrid: WebGPU is not available in this Chromium (${probe}), and web-hybrid runs the encoder on WebGPU; run web-wasm instead, or enable a WebGPU adapter (--enable-unsafe-webgpu with SwiftShader or a GPU; see @parakeet-bench/chromium WEBGPU_ARGS)`;
}
