import { describe, expect, it } from 'vitest';
import type { BenchResult } from '@parakeet-bench/core';
import { formatSummaryTable } from './summary.ts';

const counts = { hits: 1, substitutions: 0, deletions: 0, insertions: 0, referenceLength: 1 };
const result = (id: string, extra: Partial<BenchResult>): BenchResult => ({
  schemaVersion: 1,
  config: { id, variant: id, encoderPrecision: 'fp32', decoderPrecision: 'fp32', backend: 'node-cpu', threads: 1, decoder: { kind: 'greedy' }, dataset: 'd' },
  status: 'ok',
  startedAt: '',
  finishedAt: '',
  environment: { cpuModel: 'x', cores: 2, totalMemBytes: 1, platform: 'linux', arch: 'x64', node: 'v20', runtime: 'onnxruntime-node', runtimeVersion: '1.30.0' },
  accuracy: { wer: 0.25, cer: 0.1, words: counts, chars: counts, utterances: 1, droppedEmptyReferences: 0 },
  utterances: [],
  ...extra,
});

describe('formatSummaryTable', () => {
  it('shows rates, marks cached-encoder memory and lists failures with their reason', () => {
    const memory = { peakRssBytes: 200 * 2 ** 20, baselineRssBytes: 100 * 2 ** 20, modelRssBytes: 100 * 2 ** 20, source: 'x' };
    const table = formatSummaryTable([
      result('a', { memory }),
      result('b', { memory, decodeStats: { decoderCalls: 1, meanDecoderBatch: 1, featureCache: 'hit', encoderCache: 'hit' } }),
      result('c', { status: 'failed', error: { message: 'boom\nstack', phase: 'load' } }),
    ]);
    expect(table).toMatch(/a +node-cpu 1 thread +greedy +ok +25\.00% +10\.00%.* 200 MiB +100 MiB$/m);
    expect(table).toMatch(/b .* 200 MiB\* +100 MiB\*$/m);
    expect(table).toContain('* encoder output reused from the tensor cache');
    expect(table).toContain('  c: failed: boom');
    expect(table).not.toContain('stack');
  });

  it('shows the browser loader beside the backend, and the load time of every config', () => {
    const timing = { loadMs: 24_850, preprocessMs: 1, encodeMs: 1, decodeMs: 1, processMs: 3, audioSec: 1, rtf: 0.003, rtfx: 333 };
    const web = result('w', { timing, config: { ...result('w', {}).config, backend: 'web-wasm', loader: 'ort-url' } });
    expect(formatSummaryTable([web])).toMatch(/^d +w +web-wasm 1 thread ort-url +greedy +ok .* 333\.0 +24\.9 s /m);
  });
});
