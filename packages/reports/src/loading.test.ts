import { describe, expect, it } from 'vitest';
import type { BenchResult } from '@parakeet-bench/core';
import { loadingTable } from './html/loading-table.ts';
import { loadingRows } from './loading.ts';
import { renderMarkdown } from './reporters/markdown.ts';

const result = (variant: string, backend: BenchResult['config']['backend'], extra: Partial<BenchResult> = {}, loader?: BenchResult['config']['loader']): BenchResult => ({
  schemaVersion: 2,
  config: { id: variant + backend + (loader ?? ''), variant, encoderPrecision: 'fp32', decoderPrecision: 'fp32', backend, threads: 1, decoder: { kind: 'greedy' }, dataset: 'd', ...(loader ? { loader } : {}) },
  status: 'ok',
  startedAt: '',
  finishedAt: '',
  environment: { cpuModel: 'x', cores: 2, totalMemBytes: 1, platform: 'linux', arch: 'x64', node: 'v20', runtime: 'r', runtimeVersion: '1' },
  utterances: [],
  ...extra,
});
const timing = (loadMs: number) => ({ loadMs, preprocessMs: 0, encodeMs: 0, decodeMs: 0, processMs: 1, audioSec: 1, rtf: 1, rtfx: 1 });
// After load = runtime baseline (100 MiB) + model.
const memory = (peakMiB: number, afterMiB = 100) => ({
  peakRssBytes: peakMiB * 2 ** 20,
  runtimeBaselineRssBytes: 100 * 2 ** 20,
  modelBytes: (afterMiB - 100) * 2 ** 20,
  loadPeakBytes: (peakMiB - 100) * 2 ** 20,
  encodePeakBytes: 0,
  decodePeakBytes: 0,
  inferencePeakBytes: (afterMiB - 100) * 2 ** 20,
  source: 's',
});
const mappedNote = { dir: '/m', encoderFile: 'e', decoderFile: 'd', preprocessorFile: 'p', vocabSize: 1, notes: ['onnxruntime-node memory-maps external data (e.data): ...'] };

describe('loadingRows', () => {
  it('lists each browser loader with load time, peak and after-load RAM, and marks mapped node-cpu configs', () => {
    const rows = loadingRows([
      result('big', 'web-wasm', { timing: timing(26_300), memory: memory(4712, 2415) }, 'ort-url'),
      result('big', 'web-wasm', { status: 'unsupported' }, 'array-buffer'),
      result('big', 'node-cpu', { timing: timing(1000), memory: memory(131), model: mappedNote }),
      result('int8', 'node-cpu', { timing: timing(900), memory: memory(300) }),
    ]);
    expect(rows).toEqual([
      { variant: 'big', backend: 'web-wasm · 1 thread', loader: 'ort-url', load: '26.3 s', peak: '4,712 MiB', afterLoad: '2,415 MiB', status: 'ok' },
      { variant: 'big', backend: 'web-wasm · 1 thread', loader: 'array-buffer', load: '–', peak: '–', afterLoad: '–', status: 'unsupported' },
      { variant: 'big', backend: 'node-cpu · 1 thread', loader: 'mmap †', load: '1.0 s', peak: '131 MiB', afterLoad: '100 MiB', status: 'ok' },
    ]);
  });

  it('has no rows without a browser config', () => {
    expect(loadingRows([result('big', 'node-cpu', { model: mappedNote })])).toEqual([]);
  });
});

describe('the loading table in summary.md and the dashboard', () => {
  const results = [
    result('big', 'web-wasm', { timing: timing(40_600), memory: memory(4610, 2415) }, 'array-buffer'),
    result('big', 'web-wasm', { timing: timing(48_300), memory: memory(4611, 2415) }, 'stream'),
    result('big', 'node-cpu', { timing: timing(1000), memory: memory(131), model: mappedNote }),
  ];

  it('summary.md: one row per loader (the loader in the dataset table too), with the mmap footnote', () => {
    const md = renderMarkdown({ latest: { dir: 'r', label: 'r', finishedAt: '', results }, runs: [], invalid: [], notices: [] });
    expect(md).toContain('| big | web-wasm (stream) | 1 thread | greedy |');
    expect(md).toContain('#### Model loading\n\n| variant | backend | loader | load | peak RAM | RAM after load | status |');
    expect(md).toContain('| big | web-wasm · 1 thread | stream | 48.3 s | 4,611 MiB | 2,415 MiB | ✅ ok |');
    expect(md).toContain('| big | node-cpu · 1 thread | mmap † | 1.0 s | 131 MiB | 100 MiB | ✅ ok |');
    expect(md).toContain("† onnxruntime-node memory-maps external data: weights count toward RSS only once inference reads them");
  });

  it('dashboard: the same rows, escaped', () => {
    const html = loadingTable([...results, result('<b>x</b>', 'web-wasm', {}, 'ort-url')]);
    expect(html).toContain('<th scope="row">big</th><td>web-wasm · 1 thread</td><td>array-buffer</td><td class="num">40.6 s</td><td class="num">4,610 MiB</td><td class="num">2,415 MiB</td>');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).toContain('memory-maps external data');
    expect(loadingTable(results.slice(2))).toBe('');
  });
});
