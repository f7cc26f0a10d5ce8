import type { FixturePaths } from '@parakeet-bench/fixture';
import { fixtureVariants } from '@parakeet-bench/fixture';
import { MAES_DEFAULTS } from '@parakeet-bench/core';
import type { SweepSpecInput } from './sweep-spec.ts';

/**
 * The embedded default: every precision of the generated fixture model on node-cpu, greedy and MAES
 * beam 4, over the fixture short-utterance corpus, the hard (ambiguous-tone) corpus where a beam pays
 * off, and the ~390 s long-pass clip, transcribed both as one single pass and in 60 s windows with
 * 10 s overlap (does chunking rescue the stock int8 long-pass failure, and at what cost).
 */
export function fixtureSweep(paths: FixturePaths): SweepSpecInput {
  return {
    oracleVariant: 'fp32',
    variants: fixtureVariants(paths),
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
