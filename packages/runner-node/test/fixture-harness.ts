/**
 * Test and benchmark support: the generated fixture model (or its real-shape profile) opened
 * with onnxruntime-node, with every raw ORT `run()` timed so benchmarks can split decoder time into
 * runtime and TypeScript overhead. Lives in runner-node (not core) so core never imports a runtime.
 */
import type { EncodedAudio, OrtSessionLike, ParakeetModel } from '@parakeet-bench/core';
import { encodeAudio, loadAudio16k, loadParakeet } from '@parakeet-bench/core';
import { readFile } from 'node:fs/promises';
import { nodeModelSource } from '../src/node-source.ts';
import { FIXTURE_FP32_VARIANT, ensureFixture, ensureRealShapeFixture } from '@parakeet-bench/fixture';
import type { FixtureDatasets, FixturePaths, RealShapeFixture } from '@parakeet-bench/fixture';

/** Accumulated raw onnxruntime `run()` time of one graph file. */
export interface RunTime {
  calls: number;
  ms: number;
  /**
   * Benchmarks only: 'record' keeps a copy of every run's outputs, 'replay' answers each run with
   * the next recorded outputs instead of calling onnxruntime (filling pre-allocated fetches as
   * onnxruntime-node does), so a decode's own JavaScript time can be measured with no runtime.
   */
  tap?: { mode: 'record' | 'replay'; log: OrtOutputs[]; next: number };
}

type OrtOutputs = Awaited<ReturnType<OrtSessionLike['run']>>;
const snapshot = (out: OrtOutputs): OrtOutputs =>
  Object.fromEntries(Object.entries(out).map(([name, t]) => [name, { type: t.type, dims: t.dims, data: (t.data as Float32Array).slice() }]));

function replay(time: RunTime, fetches: Parameters<OrtSessionLike['run']>[1]): OrtOutputs {
  const tap = time.tap!;
  const out = tap.log[tap.next++];
  if (!out) throw new Error(`replay: more runs than recorded (${tap.log.length}); record the same decode first`);
  if (fetches && !Array.isArray(fetches)) {
    for (const [name, t] of Object.entries(fetches as OrtOutputs)) (t.data as Float32Array).set(out[name]!.data as Float32Array);
  }
  return out;
}

/** A generated model opened with per-file raw run timers, and its datasets. */
export interface TimedModelHarness {
  readonly datasets: FixtureDatasets;
  readonly model: ParakeetModel;
  /** Keyed by graph file name, e.g. `decoder_joint-model.onnx`. */
  readonly runTimes: Map<string, RunTime>;
  /** Loads a WAV of the fixture datasets and runs nemo128 + encoder on it. */
  encodeWav(path: string): Promise<EncodedAudio>;
}

/** The fixture model plus per-file raw run timers. */
export interface FixtureHarness extends TimedModelHarness {
  readonly fixture: FixturePaths;
}

/** The real-shape profile (decoder_joint at Parakeet TDT 0.6B v3's shapes) plus run timers. */
export interface RealShapeHarness extends TimedModelHarness {
  readonly fixture: RealShapeFixture;
}

function timed(session: OrtSessionLike, time: RunTime): OrtSessionLike {
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    inputMetadata: session.inputMetadata,
    outputMetadata: session.outputMetadata,
    async run(feeds, fetches) {
      if (time.tap?.mode === 'replay') return replay(time, fetches);
      const t0 = performance.now();
      const out = await session.run(feeds, fetches);
      time.ms += performance.now() - t0;
      time.calls++;
      if (time.tap?.mode === 'record') time.tap.log.push(snapshot(out));
      return out;
    },
    release: () => session.release(),
  };
}

/** Opens `dir`'s fp32 model single-threaded on the CPU EP with every raw run() timed. */
async function openTimed(dir: string, datasets: FixtureDatasets, threads: number): Promise<TimedModelHarness> {
  const runTimes = new Map<string, RunTime>();
  const source = nodeModelSource(dir, {
    threads,
    wrap: (session, file) => {
      const time: RunTime = { calls: 0, ms: 0 };
      runTimes.set(file, time);
      return timed(session, time);
    },
  });
  const model = await loadParakeet(source, FIXTURE_FP32_VARIANT);
  return {
    datasets,
    model,
    runTimes,
    async encodeWav(path) {
      const audio = loadAudio16k(await readFile(path), path);
      const timings = { preprocessMs: 0, encodeMs: 0, decodeMs: 0 };
      return (await encodeAudio(model, audio.samples, timings)).encoded;
    },
  };
}

/** Generates (or reuses) the fixture and opens its fp32 model single-threaded on the CPU EP. */
export async function openFixtureHarness(threads = 1): Promise<FixtureHarness> {
  const fixture = await ensureFixture();
  return { fixture, ...(await openTimed(fixture.stockDir, fixture.datasets, threads)) };
}

/** Generates (or reuses) the real-shape profile and opens it like {@link openFixtureHarness}. */
export async function openRealShapeHarness(threads = 1): Promise<RealShapeHarness> {
  const fixture = await ensureRealShapeFixture();
  return { fixture, ...(await openTimed(fixture.modelDir, fixture.datasets, threads)) };
}
