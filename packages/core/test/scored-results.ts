/**
 * Results scored through the real scorer (scoreRun + okResult) from given reference / hypothesis
 * texts, for tests of rescoring, intervals and comparisons: no model, the counts are real.
 */
import { configId } from '../src/config-id.ts';
import type { ClipTranscript } from '../src/protocol/clip-transcript.ts';
import { okResult, scoreRun } from '../src/protocol/score-run.ts';
import type { BenchConfig, BenchResult, Scoring } from '../src/schema.ts';
import { encodeWordTimes } from '../src/protocol/word-timing.ts';
import type { TimedWord } from '../src/text/detokenize.ts';

const environment = { cpuModel: 'test', cores: 2, totalMemBytes: 1, platform: 'linux', arch: 'x64', node: 'v20', runtime: 'onnxruntime-node', runtimeVersion: '1.30.0' };

function clip(text: string, words: TimedWord[] = []): ClipTranscript {
  return { text, words, samples: 16000, featuresLength: 101, encodedLength: 13, timings: { preprocessMs: 1, encodeMs: 1, decodeMs: 1 }, decoderCalls: 1 };
}

/** Knobs of {@link corpusResult}. */
export interface CorpusOptions {
  readonly variant?: string;
  readonly dataset?: string;
  readonly decoder?: BenchConfig['decoder'];
  readonly scoring?: Scoring;
  readonly compareTo?: string;
  /**
   * Give the hypothesis words times: word i of an utterance starts at `0.48 i + shiftSec` s (of a long
   * pass: 60 k + i + shiftSec in section k), so a planted shift is known exactly.
   */
  readonly shiftSec?: number;
  /** Long pass: the oracle's words get times too (word i of section k at 60 k + i s). */
  readonly oracleTimes?: boolean;
}

/** Words of `text` starting at `start(i)`, each 0.16 s long. */
function timedWords(text: string, start: (i: number) => number): TimedWord[] {
  return text.split(' ').filter(Boolean).map((w, i) => ({ text: w, startSec: start(i), endSec: start(i) + 0.16 }));
}

/** The config of a test result: node-cpu, 1 thread. */
export function testConfig(o: CorpusOptions = {}): BenchConfig {
  const variant = o.variant ?? 'fp32';
  const base = { variant, encoderPrecision: variant, decoderPrecision: variant, backend: 'node-cpu' as const, threads: 1, decoder: o.decoder ?? { kind: 'greedy' as const }, dataset: o.dataset ?? 'd' };
  return { id: configId(base), ...base };
}

function parts(o: CorpusOptions) {
  return {
    config: testConfig(o),
    startedAt: '2026-01-01T00:00:00.000Z',
    environment,
    variant: { id: 'v', dir: '/m', encoderFile: 'e.onnx', decoderFile: 'd.onnx', encoderPrecision: 'fp32', decoderPrecision: 'fp32' },
    vocabSize: 10,
    notes: [],
    loadMs: 1,
    memory: { peakRssBytes: 3, runtimeBaselineRssBytes: 1, modelBytes: 1, loadPeakBytes: 1, encodePeakBytes: 2, decodePeakBytes: 1, inferencePeakBytes: 2, source: 'test' },
    decoder: { calls: 1, rows: 1 },
    cache: { featureCache: 'off' as const, encoderCache: 'off' as const },
    ...(o.compareTo ? { compareTo: o.compareTo } : {}),
  };
}

/** A corpus result: utterance k has reference `pairs[k][0]` and hypothesis `pairs[k][1]`. */
export function corpusResult(pairs: readonly (readonly [string, string])[], o: CorpusOptions = {}): BenchResult {
  const utterances = pairs.map(([reference], k) => ({ id: `u${k}`, audio: `u${k}.wav`, reference, samples: new Float32Array(16000) }));
  const shift = o.shiftSec;
  const clips = pairs.map(([, h]) => (shift === undefined ? clip(h) : clip(h, timedWords(h, (i) => 0.48 * i + shift))));
  const scored = scoreRun({ kind: 'corpus', utterances }, clips, null, o.scoring);
  return okResult(parts(o), scored);
}

/**
 * A long-pass result of `oracle.length` 60 s sections: section k's reference is `oracle[k]`, its
 * hypothesis `hypotheses[k]` (words placed inside the section); `human` is scored as a whole too.
 */
export function longResult(oracle: readonly string[], hypotheses: readonly string[], o: CorpusOptions & { human?: string } = {}): BenchResult {
  const shift = o.shiftSec ?? 0;
  const words = hypotheses.flatMap((h, k) => h.split(' ').filter(Boolean).map((text, i) => ({ text, startSec: 60 * k + i + shift, endSec: 60 * k + i + shift + 0.5 })));
  const samples = new Float32Array(16000 * 60 * oracle.length);
  const data = { kind: 'long' as const, audio: 'long.wav', samples, sectionSec: 60, ...(o.human !== undefined ? { humanReference: o.human } : {}) };
  const references = o.oracleTimes ? oracle.map((text, k) => ({ text, wordTimes: encodeWordTimes(text, timedWords(text, (i) => 60 * k + i))! })) : oracle;
  const scored = scoreRun(data, [clip(hypotheses.join(' '), words)], references, o.scoring);
  return okResult(parts({ dataset: 'long', ...o }), scored);
}
