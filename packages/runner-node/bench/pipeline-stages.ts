/**
 * What bench:pipeline measures, stage by stage: our pipeline (core's transcribePasses on the node-cpu
 * sessions) and bare `session.run` of the same three graphs opened with identical session options,
 * fed tensors built before the clock starts: nemo128 per clip, the encoder per clip on precomputed
 * features, and decoder_joint replaying the exact calls our greedy decode made (recorded once).
 */
import type { BatchPreprocess, DecoderConfig, OrtSessionLike, ParakeetModel } from '@parakeet-bench/core';
import { loadParakeet, transcribePasses } from '@parakeet-bench/core';
import { FIXTURE_FP32_VARIANT } from '@parakeet-bench/fixture';
import ort from 'onnxruntime-node';
import { join } from 'node:path';
import { nodeModelSource, nodeSessionOptions } from '../src/node-source.ts';

/** The three stages, in pipeline order. */
export const STAGES = ['preprocess', 'encode', 'decode'] as const;
/** One stage. */
export type Stage = (typeof STAGES)[number];

/** One measured pass: wall and process CPU milliseconds per stage, and decoder_joint calls. */
export interface StageSample {
  readonly wallMs: Record<Stage, number>;
  /** Process CPU time (user + system): what other processes on a shared machine do not inflate. */
  readonly cpuMs: Record<Stage, number>;
  readonly calls: Record<Stage, number>;
}

type Feeds = Record<string, ort.Tensor>;

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Times `body` in wall and CPU milliseconds. */
export async function timed(body: () => Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
  const c0 = cpuNow();
  const t0 = performance.now();
  await body();
  return { wallMs: performance.now() - t0, cpuMs: cpuNow() - c0 };
}

/** Copies of a call's input tensors (the decoder reuses its input buffers between calls). */
function snapshot(feeds: Record<string, { type: string; data: unknown; dims: readonly number[] }>): Feeds {
  const out: Feeds = {};
  for (const [name, t] of Object.entries(feeds)) {
    const data = (t.data as Float32Array).slice();
    out[name] = new ort.Tensor(t.type as 'float32', data, t.dims);
  }
  return out;
}

/** Our pipeline on a model directory's fp32 graphs, with the decoder's calls recordable. */
export interface PipelineUnderTest {
  readonly model: ParakeetModel;
  /** When set, every decoder_joint run's feeds are appended (copied) here. */
  record: Feeds[] | null;
}

/**
 * Opens the fp32 graphs of `dir` as the node-cpu backend does (same options, same adapter); with
 * `publicRun`, through onnxruntime-node's public session.run instead of its native binding.
 */
export async function openPipeline(dir: string, threads: number, publicRun = false): Promise<PipelineUnderTest> {
  const under: { record: Feeds[] | null } = { record: null };
  const wrap = (session: OrtSessionLike, file: string): OrtSessionLike => {
    if (!file.startsWith('decoder_joint')) return session;
    return {
      inputNames: session.inputNames,
      outputNames: session.outputNames,
      inputMetadata: session.inputMetadata,
      outputMetadata: session.outputMetadata,
      run(feeds, fetches) {
        under.record?.push(snapshot(feeds as never));
        return session.run(feeds, fetches);
      },
      release: () => session.release(),
    };
  };
  const model = await loadParakeet(nodeModelSource(dir, { threads, wrap, publicRun }), FIXTURE_FP32_VARIANT);
  return Object.assign(under, { model });
}

/** One timed pass of our pipeline over `clips` at `batchSize`; stage times as the results record them. */
export async function pipelinePass(p: PipelineUnderTest, clips: readonly Float32Array[], decoder: DecoderConfig, batchSize: number, batchPreprocess: BatchPreprocess = 'per-clip'): Promise<PassSample> {
  const calls0 = p.model.joint.calls;
  let passes: Awaited<ReturnType<typeof transcribePasses>>['passes'] = [];
  const total = await timed(async () => {
    passes = (await transcribePasses(p.model, clips, decoder, { batchSize, batchPreprocess })).passes;
  });
  const wallMs = { preprocess: 0, encode: 0, decode: 0 };
  for (const c of passes[0]!) {
    wallMs.preprocess += c.timings.preprocessMs;
    wallMs.encode += c.timings.encodeMs;
    wallMs.decode += c.timings.decodeMs;
  }
  // Stage CPU time is not split by core; the pass's CPU time is shared out like its wall time.
  const share = total.cpuMs / (wallMs.preprocess + wallMs.encode + wallMs.decode);
  const cpuMs = { preprocess: wallMs.preprocess * share, encode: wallMs.encode * share, decode: wallMs.decode * share };
  const batches = Math.ceil(clips.length / batchSize);
  const preCalls = batchSize > 1 && batchPreprocess === 'padded' ? batches : clips.length;
  return { wallMs, cpuMs, calls: { preprocess: preCalls, encode: batches, decode: p.model.joint.calls - calls0 }, totalWallMs: total.wallMs, totalCpuMs: total.cpuMs };
}

/** Bare sessions of the three graphs and the feeds of every call, built before any timing. */
export interface BareRuns {
  readonly sessions: Record<Stage, ort.InferenceSession>;
  readonly feeds: Record<Stage, Feeds[]>;
}

/**
 * Opens the three graphs with the node-cpu session options (or `options`) and prepares their feeds:
 * waveforms per clip, the features bare nemo128 computes for them, and `decoderCalls` as recorded.
 */
export async function openBare(dir: string, threads: number, clips: readonly Float32Array[], decoderCalls: Feeds[], options = nodeSessionOptions(threads)): Promise<BareRuns> {
  const open = (file: string) => ort.InferenceSession.create(join(dir, file), options);
  const sessions = { preprocess: await open('nemo128.onnx'), encode: await open('encoder-model.onnx'), decode: await open('decoder_joint-model.onnx') };
  const waves = clips.map((c) => ({ waveforms: new ort.Tensor('float32', c, [1, c.length]), waveforms_lens: new ort.Tensor('int64', BigInt64Array.of(BigInt(c.length)), [1]) }));
  const features: Feeds[] = [];
  for (const f of waves) {
    const out = await sessions.preprocess.run(f);
    features.push({ audio_signal: out['features']!, length: out['features_lens']! });
  }
  return { sessions, feeds: { preprocess: waves, encode: features, decode: decoderCalls } };
}

/** A whole timed pass with its per-stage split (what every contender of the benchmark returns). */
export type PassSample = StageSample & { readonly totalWallMs: number; readonly totalCpuMs: number };

/** One bare pass of the three stages in pipeline order (each stage's calls back to back). */
export async function bareWholePass(bare: BareRuns): Promise<PassSample> {
  const wallMs = { preprocess: 0, encode: 0, decode: 0 };
  const cpuMs = { preprocess: 0, encode: 0, decode: 0 };
  const calls = { preprocess: 0, encode: 0, decode: 0 };
  for (const stage of STAGES) {
    const t = await barePass(bare, stage);
    wallMs[stage] = t.wallMs;
    cpuMs[stage] = t.cpuMs;
    calls[stage] = t.calls;
  }
  const sum = (r: Record<Stage, number>) => r.preprocess + r.encode + r.decode;
  return { wallMs, cpuMs, calls, totalWallMs: sum(wallMs), totalCpuMs: sum(cpuMs) };
}

/** One timed bare pass of `stage`: every call of the pass, back to back. */
export async function barePass(bare: BareRuns, stage: Stage): Promise<{ wallMs: number; cpuMs: number; calls: number }> {
  const session = bare.sessions[stage];
  const feeds = bare.feeds[stage];
  const t = await timed(async () => {
    for (const f of feeds) await session.run(f);
  });
  return { ...t, calls: feeds.length };
}

/** Median of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
