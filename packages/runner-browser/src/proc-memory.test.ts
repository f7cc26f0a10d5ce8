import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readProcMemory, resetPeakMemory } from './proc-memory.ts';

const SPIKE = 'let b = Buffer.alloc(250e6, 1); b = null; globalThis.gc(); process.stdout.write("ready\\n"); setInterval(() => {}, 1000);';

describe('readProcMemory / resetPeakMemory', () => {
  it('reads VmRSS and VmHWM, and the reset drops a past peak back to the current RSS', async () => {
    // A child that touched 200 MB and freed it: its peak is far above its RSS until reset.
    const child = spawn(process.execPath, ['--expose-gc', '-e', SPIKE], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((r) => child.stdout.once('data', () => r()));
      const pid = child.pid!;
      const before = await readProcMemory(pid);
      expect(before.hwmBytes).toBeGreaterThan(200e6);
      expect(before.rssBytes).toBeLessThan(before.hwmBytes - 100e6);
      await resetPeakMemory(pid);
      const after = await readProcMemory(pid);
      expect(after.hwmBytes).toBeLessThan(before.hwmBytes - 100e6);
      expect(after.hwmBytes).toBeGreaterThanOrEqual(after.rssBytes);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('names the file when the process is gone or the status has no VmHWM', async () => {
    const root = await mkdtemp(join(tmpdir(), 'fakeproc-'));
    try {
      await expect(readProcMemory(999_999_999, root)).rejects.toThrow(/999999999\/status: cannot read .* the process exited/);
      await mkdir(join(root, '7'));
      await writeFile(join(root, '7', 'status'), 'Name: x\nVmRSS:\t 10 kB\n');
      await expect(readProcMemory(7, root)).rejects.toThrow(/\/7\/status has no VmHWM line; peak memory needs Linux procfs/);
      await expect(resetPeakMemory(8, root)).rejects.toThrow(/8\/clear_refs: cannot reset the peak/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
