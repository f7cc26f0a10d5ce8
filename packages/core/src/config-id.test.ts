import { describe, expect, it } from 'vitest';
import { configId, loaderSlug, strategySlug } from './config-id.ts';
import type { BenchConfig } from './schema.ts';

const base: Omit<BenchConfig, 'id'> = {
  variant: 'fp32',
  encoderPrecision: 'fp32',
  decoderPrecision: 'fp32',
  backend: 'web-wasm',
  threads: 1,
  decoder: { kind: 'greedy' },
  dataset: 'fixture-short',
};

describe('configId and the browser loader', () => {
  it('keeps the ids of configs on the default loader (or none) as they were', () => {
    expect(configId(base)).toBe('fixture-short__fp32__web-wasm-t1__greedy');
    expect(configId({ ...base, loader: 'array-buffer' })).toBe('fixture-short__fp32__web-wasm-t1__greedy');
  });

  it('adds any other loader to the backend part', () => {
    expect(configId({ ...base, loader: 'stream' })).toBe('fixture-short__fp32__web-wasm-t1-stream__greedy');
    expect(configId({ ...base, loader: 'ort-url' })).toBe('fixture-short__fp32__web-wasm-t1-ort-url__greedy');
    expect(loaderSlug({})).toBe('');
  });
});

describe('config ids and the long-audio strategy', () => {
  const long = { ...base, backend: 'node-cpu' as const, variant: 'int8-stock', dataset: 'fixture-long' };

  it('keeps the ids results always had for the single pass, and names a chunked strategy', () => {
    expect(configId(long)).toBe('fixture-long__int8-stock__node-cpu-t1__greedy');
    const chunked = { strategy: 'chunked' as const, windowSec: 60, overlapSec: 10 };
    expect(configId({ ...long, longStrategy: chunked })).toBe('fixture-long__int8-stock__node-cpu-t1__greedy__chunked-w60-o10');
    expect(configId({ ...base, loader: 'stream', longStrategy: chunked })).toBe('fixture-short__fp32__web-wasm-t1-stream__greedy__chunked-w60-o10');
    expect(strategySlug({ strategy: 'chunked', windowSec: 45.5, overlapSec: 0 })).toBe('chunked-w45.5-o0');
    expect(strategySlug({ strategy: 'single' })).toBe('single');
    expect(strategySlug(undefined)).toBe('single');
  });
});
