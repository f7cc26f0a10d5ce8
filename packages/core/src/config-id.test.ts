import { describe, expect, it } from 'vitest';
import { batchLabel, configId, loaderSlug, strategySlug } from './config-id.ts';
import type { BenchConfig } from './schema.ts';
import { batchSizeOf, configSchema } from './schema.ts';

const base: Omit<BenchConfig, 'id'> = {
  variant: 'fp32', encoderPrecision: 'fp32', decoderPrecision: 'fp32', backend: 'node-cpu', threads: 1, decoder: { kind: 'greedy' }, dataset: 'fixture-short',
};

const web: Omit<BenchConfig, 'id'> = { ...base, backend: 'web-wasm' };

describe('configId and the browser loader', () => {
  it('keeps the ids of configs on the default loader (or none) as they were', () => {
    expect(configId(web)).toBe('fixture-short__fp32__web-wasm-t1__greedy');
    expect(configId({ ...web, loader: 'array-buffer' })).toBe('fixture-short__fp32__web-wasm-t1__greedy');
  });

  it('adds any other loader to the backend part', () => {
    expect(configId({ ...web, loader: 'stream' })).toBe('fixture-short__fp32__web-wasm-t1-stream__greedy');
    expect(configId({ ...web, loader: 'ort-url' })).toBe('fixture-short__fp32__web-wasm-t1-ort-url__greedy');
    expect(loaderSlug({})).toBe('');
  });
});

describe('config ids and labels with a batch size', () => {
  it('keeps the batch-1 id (batchSize absent or 1) and appends bN only for N > 1', () => {
    expect(configId(base)).toBe('fixture-short__fp32__node-cpu-t1__greedy');
    expect(configId({ ...base, batchSize: 1 })).toBe(configId(base));
    expect(configId({ ...base, batchSize: 8 })).toBe('fixture-short__fp32__node-cpu-t1__greedy__b8');
    expect([batchLabel(base), batchLabel({ batchSize: 1 }), batchLabel({ batchSize: 16 }), batchLabel({ batchSize: 16 }, ' ')]).toEqual(['', '', ' · batch 16', ' batch 16']);
  });
  it('records a batch size of 2 or more in results; absent means 1', () => {
    expect(batchSizeOf(base)).toBe(1);
    expect(configSchema.safeParse({ ...base, id: 'x', batchSize: 8 }).success).toBe(true);
    expect(configSchema.safeParse({ ...base, id: 'x', batchSize: 1 }).success).toBe(false);
    expect(configSchema.safeParse({ ...base, id: 'x', batchSize: 2.5 }).success).toBe(false);
  });
});

describe('config ids and the long-audio strategy', () => {
  const long = { ...base, backend: 'node-cpu' as const, variant: 'int8-stock', dataset: 'fixture-long' };

  it('keeps the ids results always had for the single pass, and names a chunked strategy', () => {
    expect(configId(long)).toBe('fixture-long__int8-stock__node-cpu-t1__greedy');
    const chunked = { strategy: 'chunked' as const, windowSec: 60, overlapSec: 10 };
    expect(configId({ ...long, longStrategy: chunked })).toBe('fixture-long__int8-stock__node-cpu-t1__greedy__chunked-w60-o10');
    expect(configId({ ...web, loader: 'stream', longStrategy: chunked })).toBe('fixture-short__fp32__web-wasm-t1-stream__greedy__chunked-w60-o10');
    expect(strategySlug({ strategy: 'chunked', windowSec: 45.5, overlapSec: 0 })).toBe('chunked-w45.5-o0');
    expect(strategySlug({ strategy: 'single' })).toBe('single');
    expect(strategySlug(undefined)).toBe('single');
  });

  it('puts the strategy before the batch size when both are named', () => {
    const chunked = { strategy: 'chunked' as const, windowSec: 60, overlapSec: 10 };
    expect(configId({ ...base, longStrategy: chunked, batchSize: 4 })).toBe('fixture-short__fp32__node-cpu-t1__greedy__chunked-w60-o10__b4');
  });
});
