/**
 * The browser's side of the peak-RAM protocol: reset the high-water marks once the page and audio are
 * in, then read them after the last clip. The model runs in the page's renderer (wasm threads are
 * threads of it) and, for WebGPU, in the GPU process too, so those are what is measured.
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

const MEASURED_TYPES: Readonly<Record<string, boolean>> = { renderer: true, GPU: true };

/** Resets VmHWM of every renderer and GPU process and records their RSS as the baseline. */
export async function resetBrowserPeaks(browser: Browser): Promise<MemoryBaseline> {
  const processes = (await chromiumProcesses(browser)).filter((p) => MEASURED_TYPES[p.type]);
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

/** Resident memory now of the page's renderer (the one with the highest peak), plus the GPU process for WebGPU. */
export async function readBrowserRss(baseline: MemoryBaseline, includeGpu: boolean): Promise<number> {
  const renderers = await Promise.all(baseline.processes.filter((p) => p.type === 'renderer').map(async (p) => readProcMemory(p.pid)));
  const renderer = renderers.reduce((a, b) => (b.hwmBytes > a.hwmBytes ? b : a));
  const gpuProc = includeGpu ? baseline.processes.find((p) => p.type === 'GPU') : undefined;
  return renderer.rssBytes + (gpuProc ? (await readProcMemory(gpuProc.pid)).rssBytes : 0);
}

/**
 * Peak of the busiest renderer (the benchmark page's: other renderers hold no model), plus the GPU
 * process for WebGPU where buffers live outside the renderer.
 */
export async function readBrowserPeaks(baseline: MemoryBaseline, includeGpu: boolean): Promise<NonNullable<BenchResult['memory']>> {
  const read = async (p: ChromiumProcess) => ({ ...p, ...(await readProcMemory(p.pid)), baseline: baseline.rssByPid.get(p.pid) ?? 0 });
  const renderers = await Promise.all(baseline.processes.filter((p) => p.type === 'renderer').map(read));
  const renderer = renderers.reduce((a, b) => (b.hwmBytes > a.hwmBytes ? b : a));
  const gpuProc = includeGpu ? baseline.processes.find((p) => p.type === 'GPU') : undefined;
  const gpu = gpuProc ? await read(gpuProc) : undefined;
  const peak = renderer.hwmBytes + (gpu?.hwmBytes ?? 0);
  const base = renderer.baseline + (gpu?.baseline ?? 0);
  const source = [`chromium renderer pid ${renderer.pid} VmHWM`, ...(gpu ? [`GPU process pid ${gpu.pid} VmHWM`] : [])].join(' + ');
  return {
    peakRssBytes: peak,
    baselineRssBytes: base,
    modelRssBytes: peak - base,
    source: `${source} (/proc, reset after page load and audio fetch)`,
  };
}
