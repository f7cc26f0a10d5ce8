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
  const rssBytes = async () => (await readAll()).reduce((n, m) => n + m.rssBytes, 0);
  return {
    source: `${processes.map((p) => `${nameOf(p)} pid ${p.pid} VmHWM`).join(' + ')} (/proc; reset per phase)`,
    rssBytes,
    peakBytes: async () => (await readAll()).reduce((n, m) => n + m.hwmBytes, 0),
    resetPeak: async () => {
      for (const p of processes) await resetPeakMemory(p.pid);
    },
    settle: () => settled(rssBytes),
  };
}

/** RSS that moved by less than this over one {@link SETTLE_WINDOW_MS} counts as settled. */
const SETTLE_TOLERANCE_BYTES = 2 * 2 ** 20;
const SETTLE_WINDOW_MS = 1000;
const SETTLE_POLL_MS = 250;
/** Past this the figure is read anyway (a compilation that never ends is not waited for). */
const SETTLE_MAX_MS = 15_000;

/**
 * Waits until the resident set stays within {@link SETTLE_TOLERANCE_BYTES} for a whole window. V8
 * compiles hot wasm functions of onnxruntime-web again in the background (tier-up) while and after
 * they run; that compilation holds tens to hundreds of MiB for a second or two, measured here at up
 * to 170 MiB on the 200 KB fixture: read in the middle of it, the baseline or the model would carry it.
 */
async function settled(rssBytes: () => Promise<number>): Promise<void> {
  const t0 = Date.now();
  const window: number[] = [];
  for (;;) {
    window.push(await rssBytes());
    if (window.length > SETTLE_WINDOW_MS / SETTLE_POLL_MS) window.shift();
    const full = window.length > SETTLE_WINDOW_MS / SETTLE_POLL_MS;
    if (full && Math.max(...window) - Math.min(...window) < SETTLE_TOLERANCE_BYTES) return;
    if (Date.now() - t0 > SETTLE_MAX_MS) return;
    await new Promise((r) => setTimeout(r, SETTLE_POLL_MS));
  }
}
