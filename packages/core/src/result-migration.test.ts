import { describe, expect, it } from 'vitest';
import { parseBenchResult } from './schema.ts';

const v1 = {
  schemaVersion: 1,
  config: { id: 'd__fp32__node-cpu-t1__maes-b4', variant: 'fp32', encoderPrecision: 'fp32', decoderPrecision: 'fp32', backend: 'node-cpu', threads: 1, decoder: { kind: 'greedy' }, dataset: 'd' },
  status: 'ok',
  startedAt: '',
  finishedAt: '',
  environment: { cpuModel: 'x', cores: 2, totalMemBytes: 1, platform: 'linux', arch: 'x64', node: 'v20', runtime: 'onnxruntime-node', runtimeVersion: '1.30.0' },
  memory: { peakRssBytes: 204521472, baselineRssBytes: 135725056, modelRssBytes: 68796416, source: 'node process (getrusage maxrss)' },
  decodeStats: { decoderCalls: 1, meanDecoderBatch: 1, featureCache: 'hit', encoderCache: 'hit' },
};

describe('reading older result files', () => {
  it('migrates a schema-1 result: its memory figures move under memory.legacy, with what they excluded', () => {
    const r = parseBenchResult(JSON.stringify(v1), 'old.json');
    expect(r.schemaVersion).toBe(2);
    expect(r.memory).toEqual({
      source: 'node process (getrusage maxrss)',
      peakRssBytes: 204521472,
      legacy: { baselineRssBytes: 135725056, modelRssBytes: 68796416, peakExcludesEncoder: true },
    });
    expect(r.memory?.modelBytes).toBeUndefined();
    const browser = { ...v1, memory: { ...v1.memory, afterLoadRssBytes: 150e6 }, decodeStats: { ...v1.decodeStats, encoderCache: 'off' } };
    expect(parseBenchResult(JSON.stringify(browser), 'b.json').memory?.legacy).toEqual({ baselineRssBytes: 135725056, modelRssBytes: 68796416, afterLoadRssBytes: 150e6, peakExcludesEncoder: false });
  });

  it('refuses unknown versions naming the file and the fix', () => {
    expect(() => parseBenchResult(JSON.stringify({ ...v1, schemaVersion: 3 }), 'new.json')).toThrow(
      'new.json: result schemaVersion 3 is not one this harness reads (1 to 2); it was written by a newer parakeet-bench: update this checkout',
    );
    expect(() => parseBenchResult(JSON.stringify({ ...v1, schemaVersion: undefined }), 'x.json')).toThrow('x.json: result schemaVersion undefined is not one this harness reads (1 to 2); rerun the bench to regenerate it');
  });

  it('still validates a migrated result (a broken schema-1 file stays an error naming it)', () => {
    expect(() => parseBenchResult(JSON.stringify({ ...v1, memory: { ...v1.memory, peakRssBytes: -1 } }), 'bad.json')).toThrow(/^bad\.json: invalid result/);
  });
});
