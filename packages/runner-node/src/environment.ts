import { cpus, totalmem } from 'node:os';
import type { BenchResult } from '@parakeet-bench/core';
import { ortNodeVersion } from './node-source.ts';

/** The machine part of a result's environment, shared by every runner. */
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

/** The machine and runtime a node-cpu result was measured on. */
export function nodeEnvironment(): BenchResult['environment'] {
  return { ...machineInfo(), runtime: 'onnxruntime-node', runtimeVersion: ortNodeVersion() };
}

/** Peak resident set of this process so far, in bytes (getrusage maxrss is KiB on Linux). */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}
