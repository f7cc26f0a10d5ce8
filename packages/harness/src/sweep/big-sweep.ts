import type { BigFixturePaths, FixturePaths } from '@parakeet-bench/fixture';
import type { SweepSpecInput } from './sweep-spec.ts';

/**
 * The real-size loading sweep (`bench run --fixture big`): the fixture's fp32 model (the oracle and
 * the transcripts to match) and the big profile's 2.3 GB encoder as one 2.14 GiB data file and as two
 * shards, on node-cpu and on web-wasm with every browser loader, over the fixture short corpus.
 */
export function bigFixtureSweep(big: BigFixturePaths, small: FixturePaths): SweepSpecInput {
  const fp32 = { encoderPrecision: 'fp32', decoderPrecision: 'fp32', decoderFile: 'decoder_joint-model.onnx' } as const;
  return {
    oracleVariant: 'fp32',
    variants: [
      { id: 'fp32', dir: small.stockDir, encoderFile: 'encoder-model.onnx', ...fp32 },
      { id: 'big-single', dir: big.singleDir, encoderFile: 'encoder-model.onnx', ...fp32 },
      { id: 'big-sharded', dir: big.shardedDir, encoderFile: 'sharded/encoder-model.onnx', ...fp32 },
    ],
    backends: [
      { backend: 'node-cpu', threads: [1] },
      { backend: 'web-wasm', threads: [1], loaders: ['array-buffer', 'stream', 'ort-url', 'jspi-blob'] },
    ],
    decoders: [{ kind: 'greedy' }],
    datasets: [{ name: 'fixture-short', kind: 'manifest', manifest: small.datasets.short.manifest }],
  };
}
