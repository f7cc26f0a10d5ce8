/**
 * The browser's side of the peak-RAM protocol: reset the high-water marks once the page and audio are
 * in, then read them after the last clip. The model runs in the page's renderer (wasm threads are
 * threads of it); for WebGPU its buffers live in the GPU process too, and for the jspi-blob loader
 * the browser process holds the blob storage, so those are measured as well.
 */
import type { BenchResult } from '@parakeet-bench/core';
import type { Browser } from '@parakeet-bench/chromium';
import type { ChromiumProcess } from './proc-memory.ts';
import { chromiumProcesses, readProcMemory, resetPeakMemory } from './proc-memory.ts';

/** Baselines taken at reset time, per pid. */
export interface MemoryBaseline {
  readonly processes: readonly ChromiumProcess[];
  readonly rssByPid: ReadonlyMap<number, number>;
}

/** Process kinds measured besides the renderers: `GPU` for WebGPU, `browser` for blob storage. */
export type ExtraProcessType = 'GPU' | 'browser';

/** Resets VmHWM of every renderer and of the `extra` processes, and records their RSS as the baseline. */
export async function resetBrowserPeaks(browser: Browser, extra: readonly ExtraProcessType[]): Promise<MemoryBaseline> {
  const processes = (await chromiumProcesses(browser)).filter((p) => p.type === 'renderer' || (extra as readonly string[]).includes(p.type));
  if (!processes.some((p) => p.type === 'renderer')) {
    throw new Error('no renderer process listed by SystemInfo.getProcessInfo; cannot measure the page');
  }
  const rssByPid = new Map<number, number>();
  for (const p of processes) {
    await resetPeakMemory(p.pid);
    rssByPid.set(p.pid, (await readProcMemory(p.pid)).rssBytes);
  }
  return { processes, rssByPid };
}

/** The busiest renderer (the benchmark page's: other renderers hold no model) plus the extra processes, read now. */
async function readMeasured(baseline: MemoryBaseline) {
  const read = async (p: ChromiumProcess) => ({ ...p, ...(await readProcMemory(p.pid)), baseline: baseline.rssByPid.get(p.pid) ?? 0 });
  const renderers = await Promise.all(baseline.processes.filter((p) => p.type === 'renderer').map(read));
  const renderer = renderers.reduce((a, b) => (b.hwmBytes > a.hwmBytes ? b : a));
  const extra = await Promise.all(baseline.processes.filter((p) => p.type !== 'renderer').map(read));
  return [renderer, ...extra];
}

/** Resident memory now of the measured processes (for the RSS right after the model loaded). */
export async function readBrowserRss(baseline: MemoryBaseline): Promise<number> {
  return (await readMeasured(baseline)).reduce((n, p) => n + p.rssBytes, 0);
}

/** Peaks of the measured processes, summed, against their baselines. */
export async function readBrowserPeaks(baseline: MemoryBaseline): Promise<NonNullable<BenchResult['memory']>> {
  const procs = await readMeasured(baseline);
  const peak = procs.reduce((n, p) => n + p.hwmBytes, 0);
  const base = procs.reduce((n, p) => n + p.baseline, 0);
  const name = (p: ChromiumProcess): string => (p.type === 'renderer' ? 'chromium renderer' : p.type === 'GPU' ? 'GPU process' : `${p.type} process`);
  const source = procs.map((p) => `${name(p)} pid ${p.pid} VmHWM`).join(' + ');
  return {
    peakRssBytes: peak,
    baselineRssBytes: base,
    modelRssBytes: peak - base,
    source: `${source} (/proc, reset after page load and audio fetch)`,
  };
}
