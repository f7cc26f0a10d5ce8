/**
 * Realistic result files for tests: a 390 s long pass where stock int8 degrades after ~120 s while the
 * other precisions stay near 0, a small French corpus (one hostile transcript), a failed and an
 * unsupported config, and two runs for history. Metrics are computed from the texts, not typed in.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RESULT_SCHEMA_VERSION, alignTokens, errorRate as rate, splitWords as words, sumCounts as sum } from '@parakeet-bench/core';
import type { BackendName, BenchResultInput, DecoderConfig, ErrorCounts } from '@parakeet-bench/core';

/** The hostile transcript: must be shown as text, never executed or fetched. */
export const HOSTILE_HYPOTHESIS =
  'le <script>window.__pwned = 1</script> chat </script><img src=x onerror="window.__pwned = 2"> dort \u2028 ici';

const GREEDY: DecoderConfig = { kind: 'greedy' };
const BEAM4: DecoderConfig = {
  kind: 'maes', beamWidth: 4, numSteps: 2, prefixAlpha: 1, expansionBeta: 2, expansionGamma: 2.3, scoreNorm: true,
};

const SPEECH = ('and so my fellow americans ask not what your country can do for you ask what you can do for ' +
  'your country my fellow citizens of the world ask not what america will do for you but what together we can ' +
  'do for the freedom of man').split(' ');

const FLEURS: readonly string[] = [
  'le chat dort ici',
  'il était une fois une forêt très ancienne',
  'les élèves ont présenté leurs résultats à la réunion',
  'on a découvert une nouvelle espèce de grenouille',
  'la ville est connue pour ses marchés de noël',
];

function counts(reference: string[], hypothesis: string[]): ErrorCounts {
  return alignTokens(reference, hypothesis).counts;
}

function scored(id: string, durationSec: number, reference: string, hypothesis: string) {
  const w = counts(words(reference), words(hypothesis));
  const ch = counts([...reference], [...hypothesis]);
  return { id, audio: `${id}.wav`, durationSec, reference, hypothesis, wer: rate(w), cer: rate(ch), words: w, chars: ch };
}

/** Corrupts every k-th word deterministically so `fraction` of words are substituted. */
function corrupt(text: string, fraction: number): string {
  // Word i is hit when the running count floor((i+1)·f) steps up: exactly round-down(n·f) hits, spread out.
  return words(text).map((w, i) => (Math.floor((i + 1) * fraction) > Math.floor(i * fraction) ? 'uh' : w)).join(' ');
}

interface SampleSpec {
  variant: string;
  backend: BackendName;
  threads: number;
  decoder?: DecoderConfig;
  dataset: 'jfk-390s' | 'fleurs-fr';
  rtfx: number;
  peakMiB: number;
  /** Per-section (or per-utterance) fraction of words corrupted. */
  damage?: (index: number) => number;
  status?: 'failed' | 'unsupported';
  error?: string;
  hostile?: boolean;
}

/** Builds one result object that satisfies the schema. */
export function sampleResult(spec: SampleSpec, run: { label: string; finishedAt: string }): BenchResultInput {
  const decoder = spec.decoder ?? GREEDY;
  const precision = spec.variant.split('-')[0] ?? spec.variant;
  const id = `${spec.dataset}--${spec.variant}--${spec.backend}-t${spec.threads}--${decoder.kind === 'maes' ? `beam${decoder.beamWidth}` : 'greedy'}`;
  const base: BenchResultInput = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    config: { id, variant: spec.variant, encoderPrecision: precision, decoderPrecision: 'int8', backend: spec.backend,
      threads: spec.threads, decoder, dataset: spec.dataset },
    status: spec.status ?? 'ok',
    startedAt: run.finishedAt.replace(/T\d\d/, 'T00'),
    finishedAt: run.finishedAt,
    runLabel: run.label,
    environment: { cpuModel: 'Test CPU', cores: 2, totalMemBytes: 24 * 2 ** 30, platform: 'linux', arch: 'x64',
      node: 'v20.20.2', runtime: spec.backend === 'node-cpu' ? 'onnxruntime-node' : 'onnxruntime-web', runtimeVersion: '1.30.0' },
  };
  if (spec.status) return { ...base, error: { message: spec.error ?? 'failed', phase: 'load' } };
  const damage = spec.damage ?? (() => 0);
  const audioSec = spec.dataset === 'jfk-390s' ? 390 : FLEURS.length * 6;
  const timing = { loadMs: 900, preprocessMs: 50, encodeMs: 0, decodeMs: 0, processMs: (audioSec / spec.rtfx) * 1000, audioSec,
    rtf: 1 / spec.rtfx, rtfx: spec.rtfx };
  timing.encodeMs = timing.processMs * 0.8;
  timing.decodeMs = timing.processMs * 0.2 - 50;
  const memory = memoryOf(spec.peakMiB);
  const items = spec.dataset === 'jfk-390s'
    ? Array.from({ length: 7 }, (_, k) => {
        const ref = SPEECH.slice(0, k === 6 ? 20 : 40).join(' ');
        const s = scored(`section-${k}`, k === 6 ? 30 : 60, ref, corrupt(ref, damage(k)));
        return { ...s, index: k, startSec: k * 60, endSec: Math.min((k + 1) * 60, 390) };
      })
    : FLEURS.map((ref, k) =>
        scored(`fleurs-fr-${k}`, 6, ref, spec.hostile && k === 0 ? HOSTILE_HYPOTHESIS : corrupt(ref, damage(k))));
  const w = sum(items.map((i) => i.words));
  const ch = sum(items.map((i) => i.chars));
  const accuracy = { wer: rate(w), cer: rate(ch), words: w, chars: ch, utterances: items.length, droppedEmptyReferences: 0 };
  if (spec.dataset === 'fleurs-fr') return { ...base, accuracy, timing, memory, utterances: items };
  const sections = items as (ReturnType<typeof scored> & { index: number; startSec: number; endSec: number })[];
  const worst = sections.reduce((a, b) => (b.wer > a.wer ? b : a));
  return { ...base, accuracy, timing, memory, longPass: { audioSec, sectionSec: 60, encoderFrames: 4875,
    worstSectionIndex: worst.index, worstSectionWer: worst.wer, sections },
    ...(spec.variant !== 'fp32' && spec.backend === 'node-cpu' ? { encoderFidelity: fidelityOf(damage) } : {}),
    ...(decoder.kind === 'greedy' ? { memoryProfile: { points: [60, 120, 240, 390].map((sec) => ({ audioSec: sec, status: 'ok' as const, encoderFrames: Math.ceil(sec / 0.08), processMs: sec * 100, memory: memoryOf((spec.peakMiB * (0.6 + sec / 975)) | 0, memory.modelBytes) })) } } : {}) };
}

const MiB = 2 ** 20;

/** A memory block peaking at `peakMiB`: runtime 200 MiB, the model 60% of the rest unless given. */
function memoryOf(peakMiB: number, modelBytes?: number) {
  const above = (peakMiB - 200) * MiB;
  return { peakRssBytes: peakMiB * MiB, runtimeBaselineRssBytes: 200 * MiB, modelBytes: modelBytes ?? 0.6 * above, loadPeakBytes: 0.7 * above,
    encodePeakBytes: above, decodePeakBytes: 0.65 * above, inferencePeakBytes: above, source: 'process' };
}

/** Fidelity falling with the damage of each section (cosine 1 - damage / 2), 10 s windows along the pass. */
function fidelityOf(damage: (k: number) => number) {
  const span = (cosine: number, frames: number) => ({ frames, cosine, relL2: Math.sqrt(2 * (1 - cosine)) });
  const calls = (cosine: number) => ({ decoderCalls: 300, agreedCalls: Math.round(300 * cosine) });
  const sections = Array.from({ length: 7 }, (_, k) => {
    const c = 1 - damage(k) / 2;
    return { index: k, startSec: k * 60, endSec: Math.min((k + 1) * 60, 390), ...span(c, 750), ...calls(c) };
  });
  const windows = Array.from({ length: 39 }, (_, w) => ({ startSec: w * 10, endSec: w * 10 + 10, ...span(1 - damage(Math.floor(w / 6)) / 2, 125) }));
  const mean = sections.reduce((a, s) => a + s.cosine, 0) / 7;
  return { oracleVariant: 'fp32', runtime: 'onnxruntime-node 1.30.0', overall: { ...span(mean, 4875), ...calls(mean) }, sections, windowSec: 10, windows };
}

/** Stock int8's per-tensor dynamic scale degrades after ~120 s (see docs/fixture-model.md). */
const stockDamage = (k: number) => [0, 0, 0.15, 0.35, 0.5, 0.65, 0.8][k] ?? 0;

/** The specs of the latest sample run. */
export function sampleSpecs(): SampleSpec[] {
  return [
    { variant: 'fp32', backend: 'node-cpu', threads: 2, dataset: 'jfk-390s', rtfx: 9.5, peakMiB: 9700 },
    { variant: 'fp16', backend: 'node-cpu', threads: 2, dataset: 'jfk-390s', rtfx: 7.1, peakMiB: 9400, damage: (k) => (k === 4 ? 0.05 : 0) },
    { variant: 'int8-stock', backend: 'node-cpu', threads: 2, dataset: 'jfk-390s', rtfx: 21.3, peakMiB: 5100, damage: stockDamage },
    { variant: 'int8-smoothquant', backend: 'node-cpu', threads: 2, dataset: 'jfk-390s', rtfx: 19.8, peakMiB: 5000, damage: (k) => (k === 5 ? 0.05 : 0) },
    { variant: 'int8-smoothquant', backend: 'web-wasm', threads: 1, dataset: 'jfk-390s', rtfx: 6.2, peakMiB: 5600, damage: (k) => (k === 5 ? 0.05 : 0) },
    { variant: 'fp32', backend: 'node-cpu', threads: 2, dataset: 'fleurs-fr', rtfx: 11, peakMiB: 9100 },
    { variant: 'fp32', backend: 'node-cpu', threads: 2, decoder: BEAM4, dataset: 'fleurs-fr', rtfx: 3.2, peakMiB: 9150 },
    { variant: 'int8-stock', backend: 'node-cpu', threads: 2, dataset: 'fleurs-fr', rtfx: 25, peakMiB: 4900, damage: (k) => (k === 2 ? 0.2 : 0), hostile: true },
    { variant: 'int8-smoothquant', backend: 'node-cpu', threads: 2, dataset: 'fleurs-fr', rtfx: 23, peakMiB: 4800, damage: (k) => (k === 3 ? 0.15 : 0) },
    { variant: 'int8-smoothquant', backend: 'node-cpu', threads: 2, decoder: BEAM4, dataset: 'fleurs-fr', rtfx: 6.5, peakMiB: 4850 },
    { variant: 'fp16', backend: 'web-webgpu', threads: 0, dataset: 'fleurs-fr', rtfx: 0, peakMiB: 0, status: 'failed',
      error: 'adapter lacks shader-f16 <swiftshader>; rerun with --variants fp32 on this machine' },
    { variant: 'fp32', backend: 'web-wasm', threads: 1, dataset: 'jfk-390s', rtfx: 0, peakMiB: 0, status: 'unsupported',
      error: 'fp32 encoder needs the sharded export on wasm (> 2 GB ArrayBuffer)' },
  ];
}

/** Sample runs: an older one (stock int8 worse still) and the latest. */
export const SAMPLE_RUNS = [
  { dir: '2025-01-01-abc123', label: 'abc123', finishedAt: '2025-01-01T12:00:00.000Z' },
  { dir: '2025-01-02-def456', label: 'def456', finishedAt: '2025-01-02T12:00:00.000Z' },
] as const;

/** Writes `<dir>/<run>/<config-id>.json` for both sample runs; returns the written paths. */
export async function writeSampleResults(dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const [r, run] of SAMPLE_RUNS.entries()) {
    await mkdir(join(dir, run.dir), { recursive: true });
    for (const spec of sampleSpecs()) {
      // The older run has no web configs and slightly worse smoothquant accuracy, so history moves.
      if (r === 0 && spec.backend !== 'node-cpu') continue;
      const older = r === 0 && spec.variant === 'int8-smoothquant' ? { ...spec, damage: (k: number) => (k === 3 ? 0.25 : 0.05) } : spec;
      const result = sampleResult(older, run);
      const path = join(dir, run.dir, `${result.config.id}.json`);
      await writeFile(path, JSON.stringify(result, null, 2));
      written.push(path);
    }
  }
  return written;
}
