/** Browser model loaders as a sweep dimension: validated by the sweep schema, in config ids only when not the default. */
import { describe, expect, it } from 'vitest';
import { InputError, buildSweep } from './build-sweep.ts';
import { planJobs } from './plan.ts';
import type { SweepSpecInput } from './sweep-spec.ts';
import { parseSweepSpec } from './sweep-spec.ts';

const input: SweepSpecInput = {
  variants: [{ id: 'fp32', dir: '/m', encoderFile: 'e.onnx', decoderFile: 'd.onnx', encoderPrecision: 'fp32', decoderPrecision: 'fp32' }],
  oracleVariant: 'fp32',
  backends: [{ backend: 'node-cpu', threads: [1] }, { backend: 'web-wasm', threads: [1] }],
  decoders: [{ kind: 'greedy' }],
  datasets: [{ name: 'short', kind: 'manifest', manifest: '/x.jsonl' }],
};
const ids = (spec: SweepSpecInput) => planJobs(parseSweepSpec(spec, 's'), { resultsDir: '/r' }).map((j) => [j.config.id, j.config.loader]);

describe('loaders in a sweep', () => {
  it('browser configs record the default loader without changing their ids; node-cpu has none', () => {
    expect(ids(input)).toEqual([
      ['short__fp32__node-cpu-t1__greedy', undefined],
      ['short__fp32__web-wasm-t1__greedy', 'array-buffer'],
    ]);
  });

  it('every listed loader is a config, named in the id unless it is the default', () => {
    const backends = [{ backend: 'web-wasm' as const, threads: [1, 2], loaders: ['array-buffer' as const, 'stream' as const, 'ort-url' as const] }];
    expect(ids({ ...input, backends }).map(([id]) => id)).toEqual([
      'short__fp32__web-wasm-t1__greedy',
      'short__fp32__web-wasm-t1-stream__greedy',
      'short__fp32__web-wasm-t1-ort-url__greedy',
      'short__fp32__web-wasm-t2__greedy',
      'short__fp32__web-wasm-t2-stream__greedy',
      'short__fp32__web-wasm-t2-ort-url__greedy',
    ]);
  });

  it('the schema names a bad loader, and refuses loaders on node-cpu', () => {
    expect(() => parseSweepSpec({ ...input, backends: [{ backend: 'web-wasm', threads: [1], loaders: ['blob' as 'stream'] }] }, 'sweep.json')).toThrow(
      /sweep\.json: invalid sweep[\s\S]*backends\[0\]\.loaders\[0\]/,
    );
    expect(() => parseSweepSpec({ ...input, backends: [{ backend: 'node-cpu', threads: [1], loaders: ['stream'] }] }, 'sweep.json')).toThrow(
      /sweep\.json: loaders apply to the browser backends \(web-wasm, web-webgpu\); node-cpu opens model files by path/,
    );
  });

  it('--loaders sets the loaders of every browser backend, is validated by the same schema, and needs a browser backend', () => {
    const spec = buildSweep(input, { loaders: ['stream', 'ort-url'] }, 'sweep.json');
    expect(spec.backends.map((b) => b.loaders)).toEqual([undefined, ['stream', 'ort-url']]);
    expect(() => buildSweep(input, { loaders: ['mmap'] }, 'sweep.json')).toThrow(/sweep\.json with the command-line overrides: invalid sweep[\s\S]*loaders/);
    expect(() => buildSweep({ ...input, backends: [{ backend: 'node-cpu', threads: [1] }] }, { loaders: ['stream'] }, 's')).toThrow(InputError);
    expect(buildSweep(input, { backends: ['web-webgpu'], loaders: ['stream'] }, 's').backends).toEqual([{ backend: 'web-webgpu', threads: [1], loaders: ['stream'] }]);
  });
});
