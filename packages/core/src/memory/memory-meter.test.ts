import { describe, expect, it } from 'vitest';
import type { MemoryProbe } from './memory-meter.ts';
import { MemoryMeter, measurePhase } from './memory-meter.ts';
import { memorySchema } from './memory-schema.ts';
import { parseProcStatus } from './proc-status.ts';

/** A process whose resident set the test moves by hand; the peak follows it and resets to it. */
function fakeProcess(rss: number) {
  const state = { rss, peak: rss };
  const probe: MemoryProbe = {
    source: 'fake',
    rssBytes: async () => state.rss,
    peakBytes: async () => state.peak,
    resetPeak: async () => {
      state.peak = state.rss;
    },
  };
  const set = (to: number) => {
    state.rss = to;
    state.peak = Math.max(state.peak, to);
  };
  // Memory given back: the resident set falls, the high-water mark stays.
  const drop = (to: number) => {
    state.rss = to;
  };
  return { probe, set, drop };
}

describe('MemoryMeter', () => {
  it('measures model, load peak and each phase above the runtime baseline, and the peak as baseline + the largest', async () => {
    const p = fakeProcess(100);
    const meter = new MemoryMeter(p.probe);
    p.set(150); // runtime start-up: part of the baseline, never of the model
    await meter.runtimeReady();
    p.set(190); // a loader's transient copy
    p.set(160);
    await meter.modelLoaded();
    const enc = await meter.measure(async () => {
      p.set(260);
      p.set(200);
      return 'e';
    });
    expect(enc).toEqual({ value: 'e', peakBytes: 110 });
    meter.note('encode', enc.peakBytes);
    const dec = await meter.measure(async () => {
      p.set(230);
      return 'd';
    });
    meter.note('decode', dec.peakBytes);
    const m = meter.reading();
    expect(m).toEqual({
      source: 'fake',
      peakRssBytes: 260,
      runtimeBaselineRssBytes: 150,
      modelBytes: 10,
      loadPeakBytes: 40,
      encodePeakBytes: 110,
      decodePeakBytes: 80,
      inferencePeakBytes: 110,
    });
    expect(memorySchema.safeParse(m).success).toBe(true);
  });

  it('takes a noted figure (a cache entry) as the phase peak, and the largest clip counts', async () => {
    const p = fakeProcess(100);
    const meter = new MemoryMeter(p.probe);
    await meter.runtimeReady();
    await meter.modelLoaded();
    meter.note('encode', 300);
    meter.note('encode', 120);
    meter.note('decode', 20);
    expect(meter.reading()).toMatchObject({ encodePeakBytes: 300, decodePeakBytes: 20, inferencePeakBytes: 300, peakRssBytes: 400 });
  });

  it('lets a probe settle before the baseline and the model are read, keeping the load peak from before', async () => {
    // 80 of the 180 are a background compilation that ends while the probe settles.
    const p = fakeProcess(180);
    const quiet = [100, 130];
    const meter = new MemoryMeter({ ...p.probe, settle: async () => p.drop(quiet.shift()!) });
    await meter.runtimeReady();
    p.set(210);
    await meter.modelLoaded();
    expect(meter.reading()).toMatchObject({ runtimeBaselineRssBytes: 100, modelBytes: 30, loadPeakBytes: 110 });
    expect(quiet).toEqual([]);
  });

  it('refuses phases before the runtime baseline, and measurePhase without a meter only runs', async () => {
    const meter = new MemoryMeter(fakeProcess(1).probe);
    await expect(meter.modelLoaded()).rejects.toThrow('MemoryMeter: runtimeReady() must come before');
    expect(await measurePhase(undefined, async () => 7)).toEqual({ value: 7, peakBytes: null });
  });
});

describe('memorySchema', () => {
  it('needs every phase figure unless the block is a migrated schema-1 one', () => {
    const r = memorySchema.safeParse({ source: 's', peakRssBytes: 1, runtimeBaselineRssBytes: 1 });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('memory needs runtimeBaselineRssBytes, modelBytes, loadPeakBytes');
    expect(memorySchema.safeParse({ source: 's', peakRssBytes: 1, legacy: { baselineRssBytes: 1, modelRssBytes: 0, peakExcludesEncoder: false } }).success).toBe(true);
  });
});

describe('parseProcStatus', () => {
  it('reads VmRSS and VmHWM in bytes and names the file when one is missing', () => {
    expect(parseProcStatus('Name:\tnode\nVmHWM:\t  2048 kB\nVmRSS:\t  1024 kB\n', '/proc/1/status')).toEqual({ rssBytes: 1024 * 1024, hwmBytes: 2048 * 1024 });
    expect(() => parseProcStatus('VmRSS:\t 1 kB\n', '/proc/9/status')).toThrow('/proc/9/status has no VmHWM line; peak memory needs Linux procfs');
  });
});
