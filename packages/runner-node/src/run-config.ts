import type { BenchResult, ClipTranscript, ParakeetModel, StageTimings } from '@parakeet-bench/core';
import { decodeEncoded, encoderFramesFor, loadParakeet, nowMs } from '@parakeet-bench/core';
import { CacheTally, encodeCached } from './cached-encode.ts';
import type { EncodeContext } from './cached-encode.ts';
import { loadDataset } from './datasets.ts';
import type { LoadedLong } from './datasets.ts';
import { nodeEnvironment, peakRssBytes } from './environment.ts';
import type { ConfigJob } from './job.ts';
import { nodeModelSource } from './node-source.ts';
import { readOracle } from './oracle.ts';
import { okResult, scoreRun, withRepeats } from './score-run.ts';

/** Reports progress of long work inside one config. */
export type ProgressFn = (message: string) => void;

/** A failure tagged with the phase it happened in (audio, load, plan, oracle, encode, decode, score). */
export class PhaseError extends Error {
  constructor(readonly phase: string, cause: unknown) {
    super((cause as Error)?.message ?? String(cause));
    this.stack = (cause as Error)?.stack ?? this.stack;
  }
}

/** Runs `fn`, tagging any error with `name` unless it already carries a phase. */
export async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw e instanceof PhaseError ? e : new PhaseError(name, e);
  }
}

/**
 * Checks a long pass before any model work: the encoder frame wall, then the oracle's transcripts.
 * Shared by every runner.
 */
export async function prepareLongPass(job: ConfigJob, data: LoadedLong, subsamplingFactor: number): Promise<string[]> {
  if (job.dataset.kind !== 'long') throw new Error('long dataset expected');
  const audioSec = data.samples.length / 16000;
  const frames = encoderFramesFor(audioSec, { subsamplingFactor });
  if (frames > job.dataset.maxEncoderFrames) {
    throw new PhaseError(
      'plan',
      new Error(
        `${data.audio}: a single pass of ${audioSec.toFixed(1)} s needs ${frames} encoder frames, over the limit of ${job.dataset.maxEncoderFrames} (the real encoder fails past ~5000); lower maxSec`,
      ),
    );
  }
  const oracle = job.oraclePath ? await readOracle(job.oraclePath) : null;
  if (!oracle) {
    throw new PhaseError('oracle', new Error(`oracle transcripts missing (${job.oraclePath ?? 'no path'}); run the sweep, which computes them first`));
  }
  return oracle.sections.map((s) => s.text);
}

async function transcribeClip(model: ParakeetModel, job: ConfigJob, samples: Float32Array, encode: EncodeContext): Promise<ClipTranscript> {
  const timings: StageTimings = { preprocessMs: 0, encodeMs: 0, decodeMs: 0 };
  const enc = await phase('encode', () => encodeCached(model, samples, timings, encode));
  const out = await phase('decode', () => decodeEncoded(model, enc.encoded, job.config.decoder, timings));
  return {
    text: out.text.text,
    words: out.text.words,
    samples: samples.length,
    featuresLength: enc.features.length,
    encodedLength: enc.encoded.length,
    timings,
    decoderCalls: out.decode.decoderCalls,
    ...(out.decode.meanLiveHypotheses !== undefined ? { meanLiveHypotheses: out.decode.meanLiveHypotheses } : {}),
  };
}

/**
 * Runs one config in this process: load audio (baseline RSS), load model, transcribe, score. Meant to
 * run in its own child process so peak RSS belongs to this config alone.
 */
export async function runConfig(job: ConfigJob, progress: ProgressFn = () => undefined): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const data = await phase('audio', () => loadDataset(job.dataset));
  const baselineRssBytes = process.memoryUsage().rss;
  const t0 = nowMs();
  const model = await phase('load', () => loadParakeet(nodeModelSource(job.variant.dir, { threads: job.config.threads }), job.variant));
  const loadMs = nowMs() - t0;
  const caching = job.cacheDir !== undefined;
  const encode: EncodeContext = {
    ...(job.cacheDir ? { cache: { dir: job.cacheDir } } : {}),
    role: job.cacheRole ?? 'fresh',
    backend: job.config.backend,
    featureTally: new CacheTally(caching),
    encoderTally: new CacheTally(caching),
  };
  try {
    const oracle = data.kind === 'long' ? await prepareLongPass(job, data, model.config.subsamplingFactor) : null;
    const inputs = data.kind === 'corpus' ? data.utterances.map((u) => u.samples) : [data.samples];
    const repeats = job.repeats ?? 1;
    const passes: ClipTranscript[][] = [];
    for (let k = 0; k < repeats; k++) {
      const pass = repeats > 1 ? ` (repeat ${k + 1}/${repeats})` : '';
      if (data.kind === 'long') progress(`single pass of ${(data.samples.length / 16000).toFixed(0)} s${pass}`);
      const clips: ClipTranscript[] = [];
      for (const [i, samples] of inputs.entries()) {
        clips.push(await transcribeClip(model, job, samples, encode));
        if (data.kind === 'corpus') progress(`utterance ${i + 1}/${inputs.length}${pass}`);
      }
      passes.push(clips);
    }
    const scored = await phase('score', async () => withRepeats(scoreRun(job, data, passes[0]!, oracle), passes));
    const peak = peakRssBytes();
    const encoderCache = encode.encoderTally.use;
    const notes =
      encoderCache === 'hit' || encoderCache === 'partial'
        ? ['encoder output from the tensor cache: encode time is the one measured when the entry was computed; peak RSS excludes the encoder run']
        : [];
    return okResult(
      {
        job,
        startedAt,
        environment: nodeEnvironment(),
        variant: job.variant,
        vocabSize: model.vocab.size,
        notes,
        loadMs,
        memory: { peakRssBytes: peak, baselineRssBytes, modelRssBytes: peak - baselineRssBytes, source: 'node process (getrusage maxrss)' },
        decoder: { calls: model.joint.calls, rows: model.joint.rows },
        cache: { featureCache: encode.featureTally.use, encoderCache },
      },
      scored,
    );
  } finally {
    await model.release();
  }
}
