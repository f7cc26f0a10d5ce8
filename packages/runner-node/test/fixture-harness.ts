/**
 * Test and benchmark support: the generated fixture model opened
 * with onnxruntime-node, with every raw ORT `run()` timed so benchmarks can split decoder time into
 * runtime and TypeScript overhead. Lives in runner-node (not core) so core never imports a runtime.
 */
import type { EncodedAudio, ModelVariant, OrtSessionLike, ParakeetModel } from '@parakeet-bench/core';
import { encodeAudio, loadAudio16k, loadParakeet } from '@parakeet-bench/core';
import { readFile } from 'node:fs/promises';
import { nodeModelSource } from '../src/node-source.ts';
import { ensureFixture } from '@parakeet-bench/fixture';
import type { FixturePaths } from '@parakeet-bench/fixture';

/** Accumulated raw onnxruntime `run()` time of one graph file. */
export interface RunTime {
  calls: number;
  ms: number;
}

/** The fixture model plus per-file raw run timers. */
export interface FixtureHarness {
  readonly fixture: FixturePaths;
  readonly model: ParakeetModel;
  /** Keyed by graph file name, e.g. `decoder_joint-model.onnx`. */
  readonly runTimes: Map<string, RunTime>;
  /** Loads a WAV of the fixture datasets and runs nemo128 + encoder on it. */
  encodeWav(path: string): Promise<EncodedAudio>;
}

const FP32: ModelVariant = {
  id: 'fp32',
  dir: '.',
  encoderFile: 'encoder-model.onnx',
  decoderFile: 'decoder_joint-model.onnx',
  encoderPrecision: 'fp32',
  decoderPrecision: 'fp32',
};

function timed(session: OrtSessionLike, time: RunTime): OrtSessionLike {
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    inputMetadata: session.inputMetadata,
    outputMetadata: session.outputMetadata,
    async run(feeds, fetches) {
      const t0 = performance.now();
      const out = await session.run(feeds, fetches);
      time.ms += performance.now() - t0;
      time.calls++;
      return out;
    },
    release: () => session.release(),
  };
}

/** Generates (or reuses) the fixture and opens its fp32 model single-threaded on the CPU EP. */
export async function openFixtureHarness(threads = 1): Promise<FixtureHarness> {
  const fixture = await ensureFixture();
  const dir = fixture.stockDir;
  const runTimes = new Map<string, RunTime>();
  const source = nodeModelSource(dir, {
    threads,
    wrap: (session, file) => {
      const time: RunTime = { calls: 0, ms: 0 };
      runTimes.set(file, time);
      return timed(session, time);
    },
  });
  const model = await loadParakeet(source, FP32);
  return {
    fixture,
    model,
    runTimes,
    async encodeWav(path) {
      const audio = loadAudio16k(await readFile(path), path);
      const timings = { preprocessMs: 0, encodeMs: 0, decodeMs: 0 };
      return (await encodeAudio(model, audio.samples, timings)).encoded;
    },
  };
}
