/**
 * node-cpu's {@link MemoryProbe}: this worker process's own memory (the harness runs each config in a
 * fresh process). On Linux, VmRSS and VmHWM from /proc/self/status, and writing "5" to
 * /proc/self/clear_refs restarts the high-water mark, so each phase gets its own peak. Elsewhere the
 * peak is getrusage's maxrss, which cannot be reset: phase peaks are then cumulative, and the source
 * says so.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { MemoryProbe } from '@parakeet-bench/core';
import { parseProcStatus } from '@parakeet-bench/core';

const STATUS = '/proc/self/status';
const CLEAR_REFS = '/proc/self/clear_refs';

const readSelf = async () => parseProcStatus(await readFile(STATUS, 'utf8'), STATUS);
const resetSelf = () => writeFile(CLEAR_REFS, '5');

/** The probe for this process: /proc/self when its peak can be reset, else process.memoryUsage and getrusage. */
export async function selfMemoryProbe(): Promise<MemoryProbe> {
  const procfs = await resetSelf().then(
    () => true,
    () => false,
  );
  if (procfs) {
    return {
      source: 'node process (/proc/self VmRSS; VmHWM reset per phase)',
      rssBytes: async () => (await readSelf()).rssBytes,
      peakBytes: async () => (await readSelf()).hwmBytes,
      resetPeak: resetSelf,
    };
  }
  return {
    source: 'node process (getrusage maxrss; no /proc/self/clear_refs, so phase peaks are cumulative)',
    rssBytes: async () => process.memoryUsage().rss,
    peakBytes: async () => process.resourceUsage().maxRSS * 1024,
    resetPeak: async () => undefined,
  };
}
