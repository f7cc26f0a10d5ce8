/** The machine part of a result's environment block, the same for every backend. */
import { cpus, totalmem } from 'node:os';
import type { BenchResult, RuntimeInfo } from '@parakeet-bench/core';

/** CPU, cores, memory, platform and Node version of this machine. */
export function machineInfo(): Omit<BenchResult['environment'], 'runtime' | 'runtimeVersion' | 'browser'> {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    totalMemBytes: totalmem(),
    platform: process.platform,
    arch: process.arch,
    node: process.version,
  };
}

/** This machine with the given runtime (its version `unknown` until the backend reports it). */
export function environmentOf(runtime: RuntimeInfo | string): BenchResult['environment'] {
  const info: RuntimeInfo = typeof runtime === 'string' ? { runtime, runtimeVersion: 'unknown' } : runtime;
  return { ...machineInfo(), ...info };
}
