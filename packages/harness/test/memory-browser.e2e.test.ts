/**
 * The same memory guarantees on web-wasm (a fresh Chromium per config and per profile prefix): the
 * runtime baseline is taken after onnxruntime-web's wasm instance has run the warm-up graph, so the
 * tiny fixture's model memory is small and the real-shape decoder's 72.5 MB show as model memory.
 */
import { describe, expect, it } from 'vitest';
import type { BenchResult } from '@parakeet-bench/core';
import { mib, modelSizeResults, profileResults } from './memory-fixture.ts';

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
    const [r] = await profileResults(['web-wasm'], [60, 120, 240, 390]);
    expect(r!.status, r!.error?.message).toBe('ok');
    const points = r!.memoryProfile!.points;
    console.log(`web-wasm memory profile: ${points.map((p) => `${p.audioSec} s ${mib(p.memory?.inferencePeakBytes)} (model ${mib(p.memory?.modelBytes)})`).join(', ')}`);
    expect(points.map((p) => p.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    const peaks = points.map((p) => p.memory!.inferencePeakBytes!);
    for (let k = 1; k < peaks.length; k++) expect(peaks[k], `${points[k]!.audioSec} s`).toBeGreaterThan(peaks[k - 1]!);
    // Read once the renderer settled, the model is the same whatever the audio length.
    const models = points.map((p) => p.memory!.modelBytes!);
    expect(Math.max(...models) - Math.min(...models)).toBeLessThan(8 * MiB);
  }, 600_000);
});
