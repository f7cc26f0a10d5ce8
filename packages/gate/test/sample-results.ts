/**
 * Realistic result files for the gate's tests: FLEURS-fr references from the bundled sample (datasets/fleurs-fr-sample) and a
 * long-pass JFK result in 60 s sections, scored by a real edit distance so that a corrupted
 * hypothesis moves WER, CER and the S/D/I counts together, as the runner's output would.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult, BenchResultInput, EncoderFidelity, ErrorCounts } from '@parakeet-bench/core';
import { parseBenchResult } from '@parakeet-bench/core';

/** The repository's bundled FLEURS-fr sample (datasets/fleurs-fr-sample). */
export const fleursSample = join(dirname(fileURLToPath(import.meta.url)), '../../../datasets/fleurs-fr-sample');

/** The 10 FLEURS-fr test transcripts bundled with the repository. */
export const fleursReferences: { id: string; text: string }[] = Array.from({ length: 10 }, (_, i) => {
  const id = `fleurs-fr-test-00${i}`;
  return { id, text: readFileSync(join(fleursSample, `${id}.txt`), 'utf8').trim() };
});

/** Levenshtein alignment counts, as jiwer reports them. */
export function editCounts(reference: string[], hypothesis: string[]): ErrorCounts {
  const n = reference.length;
  const m = hypothesis.length;
  // d[i][j] = [cost, S, D, I] for reference[:i] vs hypothesis[:j].
  const d: [number, number, number, number][][] = [];
  for (let i = 0; i <= n; i++) {
    d.push([]);
    for (let j = 0; j <= m; j++) {
      if (i === 0) d[i]!.push([j, 0, 0, j]);
      else if (j === 0) d[i]!.push([i, 0, i, 0]);
      else {
        const sub = d[i - 1]![j - 1]!;
        const del = d[i - 1]![j]!;
        const ins = d[i]![j - 1]!;
        const same = reference[i - 1] === hypothesis[j - 1];
        const options: [number, number, number, number][] = [
          [sub[0] + (same ? 0 : 1), sub[1] + (same ? 0 : 1), sub[2], sub[3]],
          [del[0] + 1, del[1], del[2] + 1, del[3]],
          [ins[0] + 1, ins[1], ins[2], ins[3] + 1],
        ];
        d[i]!.push(options.reduce((a, b) => (b[0] < a[0] ? b : a)));
      }
    }
  }
  const [, s, del, ins] = d[n]![m]!;
  return { hits: n - s - del, substitutions: s, deletions: del, insertions: ins, referenceLength: n };
}

const rate = (c: ErrorCounts) => (c.referenceLength ? (c.substitutions + c.deletions + c.insertions) / c.referenceLength : 0);
const add = (a: ErrorCounts, b: ErrorCounts): ErrorCounts => ({
  hits: a.hits + b.hits,
  substitutions: a.substitutions + b.substitutions,
  deletions: a.deletions + b.deletions,
  insertions: a.insertions + b.insertions,
  referenceLength: a.referenceLength + b.referenceLength,
});
const zero: ErrorCounts = { hits: 0, substitutions: 0, deletions: 0, insertions: 0, referenceLength: 0 };

const scored = new Map<string, ReturnType<typeof scoreUncached>>();

/** Scores one hypothesis: WER/CER fractions and counts (memoised: tests rescore the same pairs). */
export function score(reference: string, hypothesis: string) {
  const key = JSON.stringify([reference, hypothesis]);
  let s = scored.get(key);
  if (!s) scored.set(key, (s = scoreUncached(reference, hypothesis)));
  return structuredClone(s);
}

function scoreUncached(reference: string, hypothesis: string) {
  const words = editCounts(reference.split(/\s+/).filter(Boolean), hypothesis.split(/\s+/).filter(Boolean));
  const chars = editCounts([...reference], [...hypothesis]);
  return { wer: rate(words), cer: rate(chars), words, chars };
}

/** Replaces every `every`-th word (from `offset`) by a wrong one: what a broken quantization does. */
export function corrupt(text: string, every: number, offset = 0): string {
  return text
    .split(' ')
    .map((w, i) => (i >= offset && (i - offset) % every === 0 ? 'euh' : w))
    .join(' ');
}

const environment = {
  cpuModel: 'AMD EPYC 7763 64-Core Processor',
  cores: 4,
  totalMemBytes: 16 * 2 ** 30,
  platform: 'linux',
  arch: 'x64',
  node: 'v20.20.2',
  runtime: 'onnxruntime-node',
  runtimeVersion: '1.30.0',
};

/** Knobs of a sample result. */
export interface SampleOptions {
  id?: string;
  encoderPrecision?: string;
  /** Maps (reference, index) to the hypothesis; default: the reference itself minus one word in utterance 3. */
  hypothesis?: (reference: string, index: number) => string;
  rtfx?: number;
  peakRssBytes?: number;
  environment?: Partial<typeof environment>;
  startedAt?: string;
  extra?: Partial<BenchResultInput>;
}

/** A realistic, not perfect, baseline: one deletion in one utterance. */
export const defaultHypothesis = (ref: string, i: number) => (i === 3 ? ref.replace(' ample', '') : ref);

function common(o: SampleOptions, dataset: string, audioSec: number) {
  const rtfx = o.rtfx ?? 42;
  const processMs = (1000 * audioSec) / rtfx;
  const peak = o.peakRssBytes ?? 5.0e9;
  return {
    schemaVersion: 2 as const,
    config: {
      id: o.id ?? `${dataset}__smoothquant-int8__node-cpu-t4__greedy`,
      variant: 'smoothquant-int8',
      encoderPrecision: o.encoderPrecision ?? 'int8',
      decoderPrecision: 'int8',
      backend: 'node-cpu' as const,
      threads: 4,
      decoder: { kind: 'greedy' as const },
      dataset,
    },
    status: 'ok' as const,
    startedAt: o.startedAt ?? '2025-11-28T02:00:00.000Z',
    finishedAt: '2025-11-28T02:03:00.000Z',
    runLabel: 'nightly-2025-11-28',
    environment: { ...environment, ...o.environment },
    model: {
      dir: '/srv/ci/.cache/parakeet-bench/models/parakeet-tdt-0.6b-v3-onnx',
      encoderFile: 'encoder-model.int8.onnx',
      decoderFile: 'decoder_joint-model.int8.onnx',
      preprocessorFile: 'nemo128.onnx',
      vocabSize: 8193,
    },
    timing: {
      loadMs: 2100, preprocessMs: 0.05 * processMs, encodeMs: 0.8 * processMs, decodeMs: 0.15 * processMs,
      processMs, audioSec, rtf: 1 / rtfx, rtfx,
    },
    memory: {
      peakRssBytes: peak, runtimeBaselineRssBytes: 1.2e8, modelBytes: 0.6e9, loadPeakBytes: 0.7e9,
      encodePeakBytes: peak - 1.2e8, decodePeakBytes: 0.7e9, inferencePeakBytes: peak - 1.2e8, source: 'node-process',
    },
  };
}

/** A FLEURS-fr corpus result over the 10 bundled clips. */
export function fleursResult(o: SampleOptions = {}): BenchResult {
  const hyp = o.hypothesis ?? defaultHypothesis;
  const utterances = fleursReferences.map((r, i) => {
    const h = hyp(r.text, i);
    return { id: r.id, audio: join(fleursSample, `${r.id}.ogg`), durationSec: 8 + i, reference: r.text, hypothesis: h, ...score(r.text, h) };
  });
  const words = utterances.reduce((a, u) => add(a, u.words), zero);
  const chars = utterances.reduce((a, u) => add(a, u.chars), zero);
  const input: BenchResultInput = {
    ...common(o, 'fleurs-fr', utterances.reduce((a, u) => a + u.durationSec, 0)),
    accuracy: { wer: rate(words), cer: rate(chars), words, chars, utterances: utterances.length, droppedEmptyReferences: 0 },
    utterances,
    ...o.extra,
  };
  return parseBenchResult(JSON.stringify(input), 'sample fleurs result');
}

const jfk = [
  'we observe today not a victory of party but a celebration of freedom symbolizing an end as well as a beginning',
  'the world is very different now for man holds in his mortal hands the power to abolish all forms of human poverty',
  'let the word go forth from this time and place to friend and foe alike that the torch has been passed',
  'let every nation know whether it wishes us well or ill that we shall pay any price bear any burden',
  'to those old allies whose cultural and spiritual origins we share we pledge the loyalty of faithful friends',
  'to those new states whom we welcome now to the ranks of the free we pledge our word',
  'and so my fellow americans ask not what your country can do for you ask what you can do for your country',
];

/** A long-pass JFK result: 390 s in seven sections; `hypothesis` gets (section text, section index). */
export function longResult(o: SampleOptions = {}): BenchResult {
  const hyp = o.hypothesis ?? ((r: string) => r);
  const sections = jfk.map((text, index) => {
    const h = hyp(text, index);
    const startSec = index * 60;
    const endSec = Math.min(startSec + 60, 390);
    return { id: `jfk-390s#${index}`, audio: '/srv/ci/work/datasets/jfk-390s.wav', durationSec: endSec - startSec, reference: text, hypothesis: h, index, startSec, endSec, ...score(text, h) };
  });
  const words = sections.reduce((a, s) => add(a, s.words), zero);
  const chars = sections.reduce((a, s) => add(a, s.chars), zero);
  const worst = sections.reduce((a, s) => (s.wer > a.wer ? s : a));
  const input: BenchResultInput = {
    ...common({ id: 'jfk-long__smoothquant-int8__node-cpu-t4__greedy', ...o }, 'jfk-long', 390),
    accuracy: { wer: rate(words), cer: rate(chars), words, chars, utterances: 1, droppedEmptyReferences: 0 },
    longPass: { audioSec: 390, sectionSec: 60, encoderFrames: 4875, worstSectionIndex: worst.index, worstSectionWer: worst.wer, sections },
    ...o.extra,
  };
  return parseBenchResult(JSON.stringify(input), 'sample long result');
}

/**
 * An encoder-fidelity block against fp32 with the given cosine per 60 s section of the 390 s pass
 * (relative L2 and agreement follow the cosine), or one overall cosine for a corpus.
 */
export function fidelityBlock(cosines: readonly number[], long = true): EncoderFidelity {
  const span = (cosine: number, frames: number) => ({ frames, cosine, relL2: Math.sqrt(2 * (1 - cosine)), decoderCalls: 100, agreedCalls: Math.round(100 * cosine) });
  const overall = span(cosines.reduce((a, c) => a + c, 0) / cosines.length, 750 * cosines.length);
  if (!long) return { oracleVariant: 'fp32', runtime: 'onnxruntime-node 1.30.0', overall };
  const sections = cosines.map((c, index) => ({ index, startSec: index * 60, endSec: Math.min(index * 60 + 60, 390), ...span(c, 750) }));
  return { oracleVariant: 'fp32', runtime: 'onnxruntime-node 1.30.0', overall, sections };
}

/** Repeats of one result differing only in timing (and start time, which orders them). */
export function withRepeats(result: BenchResult, rtfxs: number[]): BenchResult[] {
  return rtfxs.map((rtfx, k) => ({
    ...structuredClone(result),
    startedAt: `2025-11-28T02:0${k}:00.000Z`,
    timing: { ...result.timing!, rtfx, rtf: 1 / rtfx, processMs: (1000 * result.timing!.audioSec) / rtfx },
  }));
}

/** Writes results as `<dir>/<config-id>.json` (pretty JSON, as the runner does). */
export async function writeResults(dir: string, results: BenchResult[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const r of results) {
    const file = join(dir, `${r.config.id}.json`);
    await writeFile(file, `${JSON.stringify(r, null, 2)}\n`);
    files.push(file);
  }
  return files;
}
