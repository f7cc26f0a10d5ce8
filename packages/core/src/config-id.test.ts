import { describe, expect, it } from 'vitest';
import { configId, loaderSlug } from './config-id.ts';
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
