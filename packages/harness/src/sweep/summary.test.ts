import { describe, expect, it } from 'vitest';
import type { BenchResult } from '@parakeet-bench/core';
import { formatComparisonLines, formatSummaryTable } from './summary.ts';

const counts = { hits: 1, substitutions: 0, deletions: 0, insertions: 0, referenceLength: 1 };
const result = (id: string, extra: Partial<BenchResult>): BenchResult => ({
  schemaVersion: 2,
  config: { id, variant: id, encoderPrecision: 'fp32', decoderPrecision: 'fp32', backend: 'node-cpu', threads: 1, decoder: { kind: 'greedy' }, dataset: 'd' },
  status: 'ok',
  startedAt: '',
  finishedAt: '',
  environment: { cpuModel: 'x', cores: 2, totalMemBytes: 1, platform: 'linux', arch: 'x64', node: 'v20', runtime: 'onnxruntime-node', runtimeVersion: '1.30.0' },
  accuracy: { wer: 0.25, cer: 0.1, words: counts, chars: counts, utterances: 1, emptyReferences: 0 },
  utterances: [],
  ...extra,
});

describe('formatSummaryTable', () => {
  it('shows rates, runtime / model / inference peak memory, encoder fidelity, and lists failures with their reason', () => {
    const MiB = 2 ** 20;
    const memory = { peakRssBytes: 200 * MiB, runtimeBaselineRssBytes: 150 * MiB, modelBytes: 20 * MiB, loadPeakBytes: 30 * MiB, encodePeakBytes: 50 * MiB, decodePeakBytes: 25 * MiB, inferencePeakBytes: 50 * MiB, source: 'x' };
    const similarity = { frames: 10, cosine: 0.98765, relL2: 0.1, decoderCalls: 4, agreedCalls: 3 };
    const encoderFidelity = { oracleVariant: 'fp32', runtime: 'onnxruntime-node', overall: similarity };
    const table = formatSummaryTable([
      result('a', { memory }),
      result('b', { memory, encoderFidelity, decodeStats: { decoderCalls: 1, meanDecoderBatch: 1, featureCache: 'hit', encoderCache: 'hit' } }),
      result('c', { status: 'failed', error: { message: 'boom\nstack', phase: 'load' } }),
    ]);
    expect(table).toMatch(/a +node-cpu 1 thread +greedy +ok +25\.00% +10\.00%.* 150 MiB +20 MiB +50 MiB +-$/m);
    expect(table).toMatch(/b .* 150 MiB +20 MiB +50 MiB +0\.9877$/m);
    expect(table).not.toContain('*');
    expect(table).toContain('runtime: RSS once the runtime ran a trivial session');
    expect(table).toContain('  c: failed: boom');
    expect(table).not.toContain('stack');
  });

  it('lists the memory per prefix of each profiled config', () => {
    const point = (audioSec: number, peak: number) => ({ audioSec, status: 'ok' as const, memory: { peakRssBytes: 0, runtimeBaselineRssBytes: 0, modelBytes: 2 ** 20, loadPeakBytes: 0, encodePeakBytes: 0, decodePeakBytes: 0, inferencePeakBytes: peak * 2 ** 20, source: 'x' } });
    const table = formatSummaryTable([result('p', { memoryProfile: { points: [point(60, 40), point(120, 70), { audioSec: 240, status: 'failed', reason: 'x' }] } })]);
    expect(table).toContain('  d p node-cpu 1 thread: 60 s 40 MiB (1 MiB), 120 s 70 MiB (1 MiB), 240 s failed');
  });

  it('shows the browser loader beside the backend, and the load time of every config', () => {
    const timing = { loadMs: 24_850, preprocessMs: 1, encodeMs: 1, decodeMs: 1, processMs: 3, audioSec: 1, rtf: 0.003, rtfx: 333 };
    const web = result('w', { timing, config: { ...result('w', {}).config, backend: 'web-wasm', loader: 'ort-url' } });
    expect(formatSummaryTable([web])).toMatch(/^d +w +web-wasm 1 thread ort-url +greedy +ok .* 333\.0 +24\.9 s /m);
  });
});

/** A corpus result of `n` 10-word utterances whose utterance k has `wrong(k)` word errors. */
function corpus(variant: string, n: number, wrong: (k: number) => number, extra: Partial<BenchResult> = {}): BenchResult {
  const utterances = Array.from({ length: n }, (_, k) => {
    const e = wrong(k);
    const words = { hits: 10 - e, substitutions: e, deletions: 0, insertions: 0, referenceLength: 10 };
    return { id: `u${k}`, audio: '', durationSec: 1, reference: '', hypothesis: '', wer: e / 10, cer: 0, words, chars: counts };
  });
  const errors = utterances.reduce((a, u) => a + u.words.substitutions, 0);
  const words = { hits: 10 * n - errors, substitutions: errors, deletions: 0, insertions: 0, referenceLength: 10 * n };
  return result(`d__${variant}`, { config: { ...result(variant, {}).config, variant }, accuracy: { wer: errors / (10 * n), cer: 0, words, chars: counts, utterances: n, emptyReferences: 0 }, utterances, ...extra });
}

describe('formatComparisonLines', () => {
  it('prints each config against the reference of its setting, with the interval column in the table', () => {
    const fp32 = corpus('fp32', 60, (k) => k % 2);
    const int8 = corpus('int8', 60, (k) => (k % 2) + 1);
    const lines = formatComparisonLines([fp32, int8], 'fp32');
    expect(lines).toMatch(/^paired WER against the reference \(delta WER in points .*2000 resamples, seed 0.*MAPSSWE/);
    expect(lines).toContain('\n  d · node-cpu · 1 thread · greedy\n    int8 vs fp32: +10.00 pts [+10.00, +10.00], p < 0.001, significant; MAPSSWE p = 1.00');
    expect(formatComparisonLines([fp32, int8], 'fp16')).toContain('int8 vs fp16: not compared (no fp16 result with node-cpu · 1 thread · greedy in these results)');
    expect(formatComparisonLines([fp32], 'fp32')).toBe('');
    const withCi = { ...fp32, accuracy: { ...fp32.accuracy!, werCi: { rate: 0.05, low: 0.0312, high: 0.0712, level: 0.95, resamples: 2000, seed: 0, items: 60 } } };
    expect(formatSummaryTable([withCi, int8])).toMatch(/d +fp32 .* 5\.00% +0\.00% +\[3\.12, 7\.12\] /);
    expect(formatSummaryTable([withCi, int8])).toMatch(/d +int8 .* 15\.00% +0\.00% +- /);
  });
});

describe('formatSummaryTable: strategies and word timestamps', () => {
  it('names a chunked strategy beside the decoder and shows word-start agreement with the oracle', () => {
    const section = { id: 'section-0', audio: '', durationSec: 60, reference: 'a', hypothesis: 'a', wer: 0, cer: 0, words: counts, chars: counts, index: 0, startSec: 0, endSec: 60, wordTimes: { startCs: [8], endCs: [16] }, referenceWordTimes: { startCs: [0], endCs: [8] } };
    const longPass = { audioSec: 60, sectionSec: 60, encoderFrames: 750, worstSectionIndex: 0, worstSectionWer: 0, sections: [section], timestamps: { hitWords: 1, medianStartDiffMs: 80, p95StartDiffMs: 80 } };
    const base = result('x', {});
    const chunked = result('y', { config: { ...base.config, id: 'y', longStrategy: { strategy: 'chunked', windowSec: 60, overlapSec: 10 } }, longPass });
    const table = formatSummaryTable([chunked]);
    expect(table).toMatch(/x +node-cpu 1 thread +greedy chunked-w60-o10 +ok .* #0 0\.00% +80\/80 ms /);
    expect(table).toContain('word start p50/p95: median and 95th percentile');
  });
});
