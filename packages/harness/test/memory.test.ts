/**
 * Memory that means what it says, on node-cpu (real worker processes): model memory is what the
 * model adds above the initialised runtime, so it is near zero for the 200 KB fixture and grows with
 * the real-shape decoder (72.5 MB); the memory profile grows with audio length while the model stays.
 */
import { describe, expect, it } from 'vitest';
import type { BenchResult } from '@parakeet-bench/core';
import { growingProfile, mib, modelSizeResults } from './memory-fixture.ts';

const MiB = 2 ** 20;

describe('node-cpu memory on the fixture', () => {
  it('model memory stays near zero for the tiny fixture and grows with the real-shape decoder', async () => {
    const { tiny, realShape } = await modelSizeResults('node-cpu');
    const line = (r: BenchResult) => `${r.config.variant}: runtime ${mib(r.memory?.runtimeBaselineRssBytes)}, model ${mib(r.memory?.modelBytes)}, inference peak ${mib(r.memory?.inferencePeakBytes)}`;
    console.log(`node-cpu\n  ${line(tiny)}\n  ${line(realShape)}`);
    for (const r of [tiny, realShape]) expect(r.status, r.error?.message).toBe('ok');
    const [t, rs] = [tiny.memory!, realShape.memory!];
    // About 200 KB of graphs: a few MiB at most (allocator pages, session objects).
    expect(t.modelBytes!).toBeLessThan(8 * MiB);
    // 72.5 MB of decoder weights are resident once loaded (onnxruntime-node reads inline weights).
    expect(rs.modelBytes! - t.modelBytes!).toBeGreaterThan(60 * MiB);
    // The runtime is the same for both: its start-up is in the baseline, not in the model.
    expect(Math.abs(rs.runtimeBaselineRssBytes! - t.runtimeBaselineRssBytes!)).toBeLessThan(48 * MiB);
    for (const m of [t, rs]) expect(m.inferencePeakBytes!).toBeGreaterThanOrEqual(m.modelBytes!);
  }, 240_000);

  it('the memory profile grows with audio length, each prefix in its own process, the model unchanged', async () => {
    const r = await growingProfile('node-cpu');
    const last = r.memoryProfile!.points.at(-1)!.memory!.inferencePeakBytes!;
    // The config's own 390 s pass measures what the last prefix measured, within noise.
    expect(Math.abs(r.memory!.inferencePeakBytes! - last) / last).toBeLessThan(0.25);
  }, 300_000);
});
