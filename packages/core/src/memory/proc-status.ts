/**
 * Reading Linux's /proc/<pid>/status text, which both runners use: node-cpu for its own process,
 * the browser runner for Chromium's. The text is parsed here (runtime-free); reading the file is the
 * runner's.
 */

/** Resident set now and its high-water mark (VmHWM; `echo 5 > clear_refs` resets it), in bytes. */
export interface ProcMemory {
  readonly rssBytes: number;
  readonly hwmBytes: number;
}

function kib(status: string, field: string, source: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!m) throw new Error(`${source} has no ${field} line; peak memory needs Linux procfs`);
  return Number(m[1]) * 1024;
}

/** VmRSS and VmHWM of a /proc status text; `source` (the file) is named in errors. */
export function parseProcStatus(status: string, source: string): ProcMemory {
  return { rssBytes: kib(status, 'VmRSS', source), hwmBytes: kib(status, 'VmHWM', source) };
}
