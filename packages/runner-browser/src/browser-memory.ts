/**
 * The browser's {@link MemoryProbe}: Chromium's processes read from outside through /proc. The model
 * runs in the benchmark page's renderer (wasm threads are threads of it); for WebGPU its buffers live
 * in the GPU process too, and for the jspi-blob loader the browser process holds the blob storage, so
 * those are measured as well and their figures summed. High-water marks are reset through clear_refs
 * (MemoryMeter resets them at each phase).
 */
import type { MemoryProbe } from '@parakeet-bench/core';
import type { Browser } from '@parakeet-bench/chromium';
import type { ChromiumProcess } from './proc-memory.ts';
import { chromiumProcesses, readProcMemory, resetPeakMemory } from './proc-memory.ts';

/** Process kinds measured besides the renderer: `GPU` for WebGPU, `browser` for blob storage. */
export type ExtraProcessType = 'GPU' | 'browser';

const nameOf = (p: ChromiumProcess): string => (p.type === 'renderer' ? 'chromium renderer' : p.type === 'GPU' ? 'GPU process' : `${p.type} process`);

/**
 * The probe over the benchmark page's renderer (the largest one once the page, the audio and the
 * runtime are in: other renderers hold nothing) and the `extra` processes.
 */
export async function browserMemoryProbe(browser: Browser, extra: readonly ExtraProcessType[]): Promise<MemoryProbe> {
  const listed = await chromiumProcesses(browser);
  const renderers = listed.filter((p) => p.type === 'renderer');
  if (renderers.length === 0) throw new Error('no renderer process listed by SystemInfo.getProcessInfo; cannot measure the page');
  const sized = await Promise.all(renderers.map(async (p) => ({ p, rss: (await readProcMemory(p.pid)).rssBytes })));
  const page = sized.reduce((a, b) => (b.rss > a.rss ? b : a)).p;
  const processes = [page, ...listed.filter((p) => (extra as readonly string[]).includes(p.type))];
  const readAll = () => Promise.all(processes.map((p) => readProcMemory(p.pid)));
  return {
    source: `${processes.map((p) => `${nameOf(p)} pid ${p.pid} VmHWM`).join(' + ')} (/proc; reset per phase)`,
    rssBytes: async () => (await readAll()).reduce((n, m) => n + m.rssBytes, 0),
    peakBytes: async () => (await readAll()).reduce((n, m) => n + m.hwmBytes, 0),
    resetPeak: async () => {
      for (const p of processes) await resetPeakMemory(p.pid);
    },
  };
}
