/** web-hybrid in the backend itself: where its graphs run, and what it records without WebGPU. */
import { describe, expect, it } from 'vitest';
import { transcribeInBrowser } from '../src/browser-backend.ts';
import { planBrowserModel } from '../src/browser-limits.ts';
import { pageBackend, placementNotes, usesWebGpu, webGpuFloat16Graphs } from '../src/backend-traits.ts';
import { noWebGpuChromium } from './no-webgpu-chromium.ts';
import { fixtureVariants, request, shortClips } from './requests.ts';

describe('web-hybrid placement', () => {
  it('puts only the encoder on WebGPU: only its float16 weights need shader-f16, the others are upcast on wasm', async () => {
    const { paths } = await shortClips(1);
    const plan = await planBrowserModel(fixtureVariants(paths).fp16, 'web-hybrid');
    if (plan.status !== 'ok') throw new Error(plan.reason);
    expect(plan.float16Graphs).toEqual(['encoder-model.fp16.onnx', 'decoder_joint-model.fp16.onnx']);
    expect(webGpuFloat16Graphs(plan, 'web-hybrid')).toEqual(['encoder-model.fp16.onnx']);
    expect(webGpuFloat16Graphs(plan, 'web-webgpu')).toEqual(plan.float16Graphs);
    expect(webGpuFloat16Graphs(plan, 'web-wasm')).toEqual([]);
    expect(placementNotes(plan, 'web-hybrid')).toEqual([expect.stringMatching(/^fp16 on wasm: decoder_joint-model\.fp16\.onnx hold float16 weights; .* upcast/)]);
    expect(pageBackend('web-hybrid')).toEqual({ backend: 'web-wasm', encoderOnWebGpu: true });
    expect(pageBackend('web-webgpu')).toEqual({ backend: 'web-webgpu' });
    expect([usesWebGpu('web-hybrid'), usesWebGpu('web-webgpu'), usesWebGpu('web-wasm')]).toEqual([true, true, false]);
  }, 60_000);

  it('is unsupported, with the reason and the alternatives, where the browser has no WebGPU', async () => {
    const { paths, clips } = await shortClips(1);
    const chromium = await noWebGpuChromium();
    try {
      const out = await transcribeInBrowser(request(fixtureVariants(paths).fp32, 'web-hybrid', 1, clips), { executablePath: chromium.path });
      expect(out.status).toBe('unsupported');
      if (out.status !== 'unsupported') return;
      expect(out.reason).toMatch(/^web-hybrid: WebGPU is not available in this Chromium \(.+\), and web-hybrid runs the encoder on WebGPU; run web-wasm instead/);
      expect(out.runtime.runtime).toBe('onnxruntime-web');
      expect(out.runtime.browser).toMatch(/Chrome/);
    } finally {
      await chromium.cleanup();
    }
  }, 60_000);
});
