import { describe, expect, it } from 'vitest';
import { parseModelConfig } from './config.ts';

describe('parseModelConfig', () => {
  it('reads the Parakeet fields and applies onnx-asr defaults', () => {
    expect(parseModelConfig('{"model_type":"nemo-conformer-tdt","features_size":128,"subsampling_factor":8}', 'c')).toEqual({
      modelType: 'nemo-conformer-tdt',
      featuresSize: 128,
      subsamplingFactor: 8,
      maxTokensPerStep: 10,
    });
  });
  it('names the file for bad JSON, wrong model type and bad numbers', () => {
    expect(() => parseModelConfig('{', 'm/config.json')).toThrow(/m\/config.json: config.json is not valid JSON/);
    expect(() => parseModelConfig('{"model_type":"whisper"}', 'm/config.json')).toThrow(/model_type "whisper" is not supported/);
    expect(() => parseModelConfig('{"model_type":"nemo-conformer-tdt","features_size":-1}', 'x')).toThrow(/features_size must be a positive integer/);
  });
});
