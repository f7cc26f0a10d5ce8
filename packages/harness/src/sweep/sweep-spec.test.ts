import { describe, expect, it } from 'vitest';
import { parseSweepSpec, resolveDatasetPaths } from './sweep-spec.ts';

const variant = { id: 'fp32', dir: 'm', encoderFile: 'e.onnx', decoderFile: 'd.onnx', encoderPrecision: 'fp32', decoderPrecision: 'fp32' };
const base = {
  variants: [variant],
  oracleVariant: 'fp32',
  backends: [{ backend: 'node-cpu', threads: [1] }],
  decoders: [{ kind: 'greedy' }],
  datasets: [{ name: 'long', kind: 'long', audio: 'a.wav' }],
};

describe('parseSweepSpec', () => {
  it('applies the protocol defaults (390 s pass, 60 s sections, 5000-frame wall)', () => {
    const s = parseSweepSpec(base, 'sweep.json');
    expect(s.datasets[0]).toMatchObject({ maxSec: 390, sectionSec: 60, maxEncoderFrames: 5000 });
    expect(s.timeoutSec).toBe(1800);
  });
  it('names the file and the problem', () => {
    expect(() => parseSweepSpec({ ...base, backends: [{ backend: 'cuda', threads: [1] }] }, 'sweep.json')).toThrow(/sweep.json: invalid sweep/);
    expect(() => parseSweepSpec({ ...base, oracleVariant: 'fp64' }, 'sweep.json')).toThrow(/oracleVariant "fp64" is not one of the variants \(fp32\)/);
    expect(() => parseSweepSpec({ ...base, variants: [variant, variant] }, 's')).toThrow(/variant ids must be unique/);
    expect(() => parseSweepSpec({ ...base, variants: [{ ...variant, id: 'a/b' }], oracleVariant: 'a/b' }, 's')).toThrow(/variant ids may use/);
  });
});

describe('resolveDatasetPaths', () => {
  it('resolves every path field of each dataset kind against a base, keeping absolute ones', () => {
    expect(resolveDatasetPaths({ name: 'm', kind: 'manifest', manifest: 'a/m.jsonl' }, '/sweeps')).toMatchObject({ manifest: '/sweeps/a/m.jsonl' });
    expect(resolveDatasetPaths({ name: 'f', kind: 'folder', dir: '../clips' }, '/sweeps/x')).toMatchObject({ dir: '/sweeps/clips' });
    expect(resolveDatasetPaths({ name: 'l', kind: 'long', audio: 'r.wav', referenceText: '/abs/r.txt' }, '/s')).toMatchObject({ audio: '/s/r.wav', referenceText: '/abs/r.txt' });
    expect(resolveDatasetPaths({ name: 'l', kind: 'long', audio: '/abs/r.wav' }, '/s')).not.toHaveProperty('referenceText');
  });
});
