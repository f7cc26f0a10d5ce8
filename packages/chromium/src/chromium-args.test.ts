import { describe, expect, it } from 'vitest';
import { chromiumArgs } from './chromium-args.ts';

describe('chromiumArgs', () => {
  it('disables the GPU and background traffic by default', () => {
    const args = chromiumArgs({ userDataDir: '/tmp/p' });
    for (const flag of ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--user-data-dir=/tmp/p']) {
      expect(args).toContain(flag);
    }
    expect(args).not.toContain('--enable-unsafe-webgpu');
  });

  it('swaps --disable-gpu for SwiftShader WebGPU flags when WebGPU is requested', () => {
    const args = chromiumArgs({ userDataDir: '/tmp/p', webgpu: true, extraArgs: ['--x'] });
    expect(args).not.toContain('--disable-gpu');
    expect(args).toContain('--enable-unsafe-webgpu');
    expect(args).toContain('--use-webgpu-adapter=swiftshader');
    expect(args.at(-1)).toBe('--x');
  });
});
