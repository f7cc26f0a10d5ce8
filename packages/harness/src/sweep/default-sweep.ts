import type { FixturePaths } from '@parakeet-bench/fixture';
import { MAES_DEFAULTS } from '@parakeet-bench/core';
import type { SweepSpecInput } from './sweep-spec.ts';

/**
 * The embedded default: every precision of the generated fixture model on node-cpu, greedy and MAES
 * beam 4, over the fixture short-utterance corpus, the hard (ambiguous-tone) corpus where a beam pays
 * off, and the ~390 s long-pass clip, transcribed both as one single pass and in 60 s windows with
 * 10 s overlap (does chunking rescue the stock int8 long-pass failure, and at what cost).
 */
export function fixtureSweep(paths: FixturePaths): SweepSpecInput {
  const stock = paths.stockDir;
  return {
    oracleVariant: 'fp32',
    variants: [
      { id: 'fp32', dir: stock, encoderFile: 'encoder-model.onnx', decoderFile: 'decoder_joint-model.onnx', encoderPrecision: 'fp32', decoderPrecision: 'fp32' },
      { id: 'fp32-sharded', dir: stock, encoderFile: 'sharded/encoder-model.onnx', decoderFile: 'decoder_joint-model.onnx', encoderPrecision: 'fp32', decoderPrecision: 'fp32' },
      { id: 'fp16', dir: stock, encoderFile: 'encoder-model.fp16.onnx', decoderFile: 'decoder_joint-model.fp16.onnx', encoderPrecision: 'fp16', decoderPrecision: 'fp16' },
      { id: 'int8-stock', dir: stock, encoderFile: 'encoder-model.int8.onnx', decoderFile: 'decoder_joint-model.int8.onnx', encoderPrecision: 'int8', decoderPrecision: 'int8' },
      { id: 'int8-smoothquant', dir: paths.smoothQuantDir, encoderFile: 'encoder-model.int8.onnx', decoderFile: 'decoder_joint-model.int8.onnx', encoderPrecision: 'int8-sq', decoderPrecision: 'int8' },
    ],
    backends: [{ backend: 'node-cpu', threads: [1] }],
    decoders: [{ kind: 'greedy' }, { kind: 'maes', beamWidth: 4, ...MAES_DEFAULTS }],
    datasets: [
      { name: 'fixture-short', kind: 'manifest', manifest: paths.datasets.short.manifest },
      { name: 'fixture-hard', kind: 'manifest', manifest: paths.datasets.hard.manifest },
      { name: 'fixture-long', kind: 'long', audio: paths.datasets.long.wav, maxSec: 390, sectionSec: 60 },
    ],
    longStrategies: [{ strategy: 'single' }, { strategy: 'chunked', windowSec: 60, overlapSec: 10 }],
  };
}
