/**
 * The same memory guarantees on web-wasm (a fresh Chromium per config and per profile prefix): the
 * runtime baseline is taken after onnxruntime-web's wasm instance has run the warm-up graph, so the
 * tiny fixture's model memory is small and the real-shape decoder's 72.5 MB show as model memory.
 */
import { describe, expect, it } from 'vitest';
import type { BenchResult } from '@parakeet-bench/core';
import { growingProfile, mib, modelSizeResults } from './memory-fixture.ts';

const MiB = 2 ** 20;

describe('web-wasm memory on the fixture', () => {
  it('model memory stays small for the tiny fixture and grows with the real-shape decoder', async () => {
    const { tiny, realShape } = await modelSizeResults('web-wasm');
    const line = (r: BenchResult) => `${r.config.variant}: runtime ${mib(r.memory?.runtimeBaselineRssBytes)}, model ${mib(r.memory?.modelBytes)}, load peak ${mib(r.memory?.loadPeakBytes)}, inference peak ${mib(r.memory?.inferencePeakBytes)}`;
    console.log(`web-wasm\n  ${line(tiny)}\n  ${line(realShape)}`);
    for (const r of [tiny, realShape]) expect(r.status, r.error?.message).toBe('ok');
    const [t, rs] = [tiny.memory!, realShape.memory!];
    // About 200 KB of graphs; onnxruntime-web's heap grows in steps and never shrinks, so what session
    // creation touched stays: measured 13-14 MiB here (node-cpu: 2 MiB).
    expect(t.modelBytes!).toBeLessThan(32 * MiB);
    expect(rs.modelBytes! - t.modelBytes!).toBeGreaterThan(60 * MiB);
    expect(rs.source).toMatch(/^chromium renderer pid \d+ VmHWM/);
  }, 300_000);

  it('the memory profile grows with audio length, each prefix in a fresh browser', async () => {
    // Read once the renderer settled, the model is the same whatever the audio length. Two minutes
    // of the pass keep this test's browsers under a quarter of the full profile's audio; node-cpu
    // profiles the whole 390 s (memory.test.ts) and `bench run --memory-profile` any length.
    await growingProfile('web-wasm', [30, 120], 120);
  }, 600_000);
});
