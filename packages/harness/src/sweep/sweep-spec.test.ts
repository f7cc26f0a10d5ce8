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
  it('refuses unknown fields anywhere, naming the path and the closest known field', () => {
    expect(() => parseSweepSpec({ ...base, timeoutSecs: 60 }, 'sweep.json')).toThrow(/sweep.json: invalid sweep:\n {2}\(top level\): unknown field "timeoutSecs" \(did you mean "timeoutSec"\?\)/);
    expect(() => parseSweepSpec({ ...base, variants: [{ ...variant, preprocesorFile: 'x.onnx' }] }, 's')).toThrow(/variants\[0\]: unknown field "preprocesorFile" \(did you mean "preprocessorFile"\?\)/);
    expect(() => parseSweepSpec({ ...base, decoders: [{ kind: 'greedy', beamWidth: 4 }] }, 's')).toThrow(/decoders\[0\]: unknown field "beamWidth"/);
    expect(() => parseSweepSpec({ ...base, datasets: [{ name: 'l', kind: 'long', audio: 'a.wav', maxSecs: 60 }] }, 's')).toThrow(/datasets\[0\]: unknown field "maxSecs" \(did you mean "maxSec"\?\)/);
  });
  it('refuses two dataset names that would share one result file ("a b" and "a/b" both become a_b)', () => {
    const two = [
      { name: 'a b', kind: 'manifest', manifest: 'x.jsonl' },
      { name: 'a/b', kind: 'manifest', manifest: 'y.jsonl' },
    ];
    expect(() => parseSweepSpec({ ...base, datasets: two }, 's')).toThrow(/datasets "a b" and "a\/b" map to the same result file name "a_b"; rename one/);
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
