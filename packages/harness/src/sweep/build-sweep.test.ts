import { describe, expect, it } from 'vitest';
import { InputError, buildSweep } from './build-sweep.ts';
import type { SweepSpecInput } from './sweep-spec.ts';

const input: SweepSpecInput = {
  variants: [{ id: 'fp32', dir: 'm', encoderFile: 'e.onnx', decoderFile: 'd.onnx', encoderPrecision: 'fp32', decoderPrecision: 'fp32' }],
  oracleVariant: 'fp32',
  backends: [{ backend: 'node-cpu', threads: [1] }],
  decoders: [{ kind: 'greedy' }],
  datasets: [{ name: 'x', kind: 'manifest', manifest: 'x.jsonl' }],
};

describe('buildSweep', () => {
  it('applies command-line overrides, then validates once', () => {
    const s = buildSweep(input, { beams: [4], maes: { expansionGamma: 3 }, threads: [2], repeats: 3, timeoutSec: 60 }, 'sweep.json');
    expect(s.decoders).toEqual([{ kind: 'greedy' }, { kind: 'maes', beamWidth: 4, numSteps: 2, prefixAlpha: 1, expansionBeta: 2, expansionGamma: 3, scoreNorm: true }]);
    expect(s.backends).toEqual([{ backend: 'node-cpu', threads: [2] }]);
    expect([s.repeats, s.timeoutSec]).toEqual([3, 60]);
  });

  it('validates overrides by the sweep schema, naming the field (no bad value reaches a worker)', () => {
    expect(() => buildSweep(input, { beams: [4], maes: { prefixAlpha: 1.5 } }, 'sweep.json')).toThrow(/with the command-line overrides: invalid sweep:\n {2}decoders\[1\]\.prefixAlpha: .*int/);
    expect(() => buildSweep(input, { beams: [4], maes: { numSteps: 0 } }, 'sweep.json')).toThrow(/decoders\[1\]\.numSteps: .*>0/);
    expect(() => buildSweep(input, { repeats: 0 }, 'sweep.json')).toThrow(/repeats/);
    expect(() => buildSweep(input, { backends: ['cuda'] }, 'sweep.json')).toThrow(/backends\[0\]\.backend/);
    expect(() => buildSweep(input, { noGreedy: true }, 'sweep.json')).toThrow(/--no-greedy needs --beam/);
    expect(() => buildSweep(input, { beams: [4], maes: { prefixAlpha: 1.5 } }, 'sweep.json')).toThrow(InputError);
  });
});
