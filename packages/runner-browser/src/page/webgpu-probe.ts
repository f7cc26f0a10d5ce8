/** Asks the browser for a WebGPU adapter the way onnxruntime-web will, and reports why not if none. */
import type { PageEnvironment } from './page-protocol.ts';

interface GpuAdapterLike {
  readonly features: ReadonlySet<string>;
  readonly info?: { readonly architecture?: string; readonly vendor?: string };
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

/** navigator.gpu -> adapter -> its features (shader-f16 decides whether fp16 graphs can run). */
export async function probeWebGpu(): Promise<PageEnvironment['webgpu']> {
  const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
  if (!gpu) return { ok: false, reason: 'navigator.gpu is undefined (WebGPU disabled or not a secure context)' };
  let adapter: GpuAdapterLike | null;
  try {
    adapter = await gpu.requestAdapter();
  } catch (e) {
    return { ok: false, reason: `requestAdapter() threw: ${(e as Error).message}` };
  }
  if (!adapter) return { ok: false, reason: 'navigator.gpu.requestAdapter() returned null (no WebGPU adapter)' };
  return {
    ok: true,
    architecture: adapter.info?.architecture ?? 'unknown',
    vendor: adapter.info?.vendor ?? 'unknown',
    features: [...adapter.features].sort(),
  };
}
