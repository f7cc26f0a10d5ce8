/**
 * Peak memory of Chromium's renderer and GPU processes, read from /proc (Linux). VmHWM is the
 * kernel's high-water mark of resident memory; writing "5" to clear_refs resets it to the current RSS,
 * so the peak can be taken from "page loaded, audio fetched" onwards rather than from browser start.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { ProcMemory } from '@parakeet-bench/core';
import { parseProcStatus } from '@parakeet-bench/core';
import type { Browser } from '@parakeet-bench/chromium';

/** Chromium process kinds as CDP's SystemInfo.getProcessInfo names them. */
export type ChromiumProcessType = 'browser' | 'renderer' | 'GPU' | 'utility' | string;

/** One Chromium process. */
export interface ChromiumProcess {
  readonly pid: number;
  readonly type: ChromiumProcessType;
}

/** Reads VmRSS and VmHWM of a process. */
export async function readProcMemory(pid: number, procRoot = '/proc'): Promise<ProcMemory> {
  let status: string;
  try {
    status = await readFile(`${procRoot}/${pid}/status`, 'utf8');
  } catch (e) {
    throw new Error(`${procRoot}/${pid}/status: cannot read (${(e as Error).message}); the process exited or procfs is not mounted`);
  }
  return parseProcStatus(status, `${procRoot}/${pid}/status`);
}

/** Resets a process's VmHWM to its current RSS (needs ptrace rights over it: same user or root). */
export async function resetPeakMemory(pid: number, procRoot = '/proc'): Promise<void> {
  try {
    await writeFile(`${procRoot}/${pid}/clear_refs`, '5');
  } catch (e) {
    throw new Error(`${procRoot}/${pid}/clear_refs: cannot reset the peak (${(e as Error).message}); run as the browser's user or root`);
  }
}

/** Lists the browser's processes through CDP (the browser target, not a page). */
export async function chromiumProcesses(browser: Browser): Promise<ChromiumProcess[]> {
  const session = await browser.target().createCDPSession();
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { id: number; type: string }[] };
    return processInfo.map((p) => ({ pid: p.id, type: p.type }));
  } finally {
    await session.detach().catch(() => undefined);
  }
}
