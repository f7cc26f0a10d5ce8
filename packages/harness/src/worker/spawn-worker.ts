import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerJob } from './job.ts';

/** Script run in each child process, for every backend (see worker-main.ts). */
export const HARNESS_WORKER = fileURLToPath(new URL('./worker-main.ts', import.meta.url));

/** How a worker process ended. */
export interface WorkerExit {
  readonly code: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  /** Last lines of stderr that were not progress lines. */
  readonly stderrTail: string;
}

/** Why a worker ended without a result, in words. */
export function exitReason(exit: WorkerExit, timeoutSec: number): string {
  if (exit.timedOut) return `timed out after ${timeoutSec} s`;
  const how = exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
  return `worker process ${how} without writing a result${exit.stderrTail ? `: ${exit.stderrTail}` : ''}`;
}

/**
 * Runs a job in its own Node process (TypeScript via tsx), relaying `progress:` lines and killing it
 * after `timeoutSec`, or at once when `signal` aborts (Ctrl-C).
 */
export function runWorker(
  script: string,
  job: WorkerJob,
  timeoutSec: number,
  onProgress: (message: string) => void = () => undefined,
  signal?: AbortSignal,
): Promise<WorkerExit> {
  const tsx = import.meta.resolve('tsx');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, script, JSON.stringify(job)], {
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutSec * 1000);
    const abort = (): void => {
      child.kill('SIGKILL');
    };
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort, { once: true });
    const other: string[] = [];
    let pending = '';
    child.stderr.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('progress: ')) onProgress(line.slice(10));
        else if (line.trim()) other.push(line);
      }
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      reject(e);
    });
    child.on('close', (code, exitSignal) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      if (pending.trim()) other.push(pending);
      resolvePromise({ code, signal: exitSignal, timedOut, stderrTail: other.slice(-8).join('\n') });
    });
  });
}
