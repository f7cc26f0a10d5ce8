/**
 * Word timestamps and the chunked long-audio strategy on the generated fixture, through real worker
 * processes: word starts land within one encoder frame of the times the fixture synthesised its tones
 * at (single pass and chunked windows alike), a planted shift is measured as that shift, and chunked
 * windows lift the encoder frame wall that refuses the single pass.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResult } from '@parakeet-bench/core';
import { compareTimestamps, encodeWav16, loadAudio16k } from '@parakeet-bench/core';
import type { FixturePaths } from '@parakeet-bench/fixture';
import { ensureFixture } from '@parakeet-bench/fixture';
import { fixtureSweep } from '../src/sweep/default-sweep.ts';
import type { SweepOutcome } from '../src/sweep/run-sweep.ts';
import { runSweep } from '../src/sweep/run-sweep.ts';
import { parseSweepSpec } from '../src/sweep/sweep-spec.ts';
import { runConfig } from '../src/worker/run-config.ts';
import { fixtureVariants, makeJob } from './fixture-jobs.ts';

let work = '';
let fx: FixturePaths;
let outcomes: SweepOutcome[] = [];
const FRAME_CS = 8;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pb-long-strat-'));
  fx = await ensureFixture();
  const base = parseSweepSpec(fixtureSweep(fx), 'fixture');
  const long = base.datasets.find((d) => d.kind === 'long')!;
  const spec = {
    ...base,
    variants: base.variants.filter((v) => v.id === 'fp32'),
    decoders: [{ kind: 'greedy' as const }],
    // 180 s: four 60 s windows whose overlaps fall mid-sentence, three sections.
    datasets: [
      { ...long, name: 'long', maxSec: 180 },
      // The same recording behind a wall of 1000 frames: a 180 s single pass needs 2251, a window 751.
      { ...long, name: 'long-walled', maxSec: 180, maxEncoderFrames: 1000 },
    ],
    longStrategies: [{ strategy: 'single' as const }, { strategy: 'chunked' as const, windowSec: 60, overlapSec: 10 }],
  };
  outcomes = await runSweep(spec, { resultsDir: join(work, 'results'), log: () => undefined });
}, 180_000);
afterAll(() => rm(work, { recursive: true, force: true }));

const result = (dataset: string, chunked: boolean): BenchResult =>
  outcomes.find((o) => o.job.config.dataset === dataset && (o.job.config.longStrategy !== undefined) === chunked)!.result;

/** Synthesis start (cs) of every word of the first `sec` seconds: the start of its '▁' token. */
function synthesisWordStartsCs(sec: number): number[] {
  const { tokens, startsSec } = fx.datasets.long;
  return tokens.flatMap((t, i) => (fx.model.vocab[t]!.startsWith('▁') && startsSec[i]! < sec ? [Math.round(startsSec[i]! * 100)] : []));
}

describe('word timestamps against the fixture synthesis times', () => {
  it('single pass and chunked windows both place every word within one encoder frame of its tone', () => {
    const truth = synthesisWordStartsCs(180);
    for (const chunked of [false, true]) {
      const r = result('long', chunked);
      expect(r.status).toBe('ok');
      const starts = r.longPass!.sections.flatMap((s) => s.wordTimes!.startCs);
      expect(starts).toHaveLength(truth.length);
      const worst = Math.max(...starts.map((c, i) => Math.abs(c - truth[i]!)));
      expect(worst).toBeLessThanOrEqual(FRAME_CS);
      // The oracle's words (each section alone) too, and the pass agrees with them exactly.
      const oracle = r.longPass!.sections.flatMap((s) => s.referenceWordTimes!.startCs);
      expect(oracle).toEqual(starts);
      expect(r.longPass!.timestamps).toEqual({ hitWords: truth.length, medianStartDiffMs: 0, p95StartDiffMs: 0 });
    }
  });

  it('the chunked pass transcribes like the single pass, recording its windows', () => {
    const single = result('long', false);
    const chunked = result('long', true);
    expect(chunked.config.id).toBe('long__fp32__node-cpu-t1__greedy__chunked-w60-o10');
    expect(chunked.longPass!.sections.map((s) => s.hypothesis)).toEqual(single.longPass!.sections.map((s) => s.hypothesis));
    expect(chunked.accuracy!.wer).toBe(0);
    expect(chunked.longPass).toMatchObject({ strategy: { strategy: 'chunked', windowSec: 60, overlapSec: 10 }, windows: 4, encoderFrames: 750 });
    expect(single.longPass).toMatchObject({ encoderFrames: 2250 });
    expect(single.longPass).not.toHaveProperty('strategy');
  });

  it('measures a planted shift: the same clips 480 ms later start 480 ms later', async () => {
    const shortest = [...fx.datasets.short.items].sort((a, b) => a.durationSec - b.durationSec).slice(0, 3);
    const manifests: string[] = [];
    for (const [name, padSec] of [['on-time', 0], ['late', 0.48]] as const) {
      const dir = join(work, name);
      await mkdir(dir, { recursive: true });
      const lines: string[] = [];
      for (const item of shortest) {
        const { samples } = loadAudio16k(await readFile(resolve(fx.datasets.short.dir, item.audio)), item.audio);
        const padded = new Float32Array(Math.round(padSec * 16000) + samples.length);
        padded.set(samples, padded.length - samples.length);
        const file = join(dir, item.audio.split('/').pop()!);
        await writeFile(file, encodeWav16(padded, 16000));
        lines.push(JSON.stringify({ audio_filepath: file, text: item.text, duration: padded.length / 16000 }));
      }
      await writeFile(join(dir, 'manifest.jsonl'), `${lines.join('\n')}\n`);
      manifests.push(join(dir, 'manifest.jsonl'));
    }
    const fp32 = fixtureVariants(fx).fp32;
    const run = (variant: typeof fp32, manifest: string) => runConfig(makeJob(variant, 'node-cpu', 1, { name: 'clips', kind: 'manifest', manifest }, work));
    const onTime = await run(fp32, manifests[0]!);
    const late = await run({ ...fp32, id: 'fp32-late' }, manifests[1]!);
    expect(late.utterances.map((u) => u.hypothesis)).toEqual(onTime.utterances.map((u) => u.hypothesis));
    const words = onTime.utterances.reduce((n, u) => n + u.wordTimes!.startCs.length, 0);
    const [row] = compareTimestamps([onTime, late], { referenceVariant: 'fp32' });
    expect(row!.overall).toEqual({ hitWords: words, medianStartDiffMs: 480, p95StartDiffMs: 480 });
  }, 60_000);
});

describe('the encoder frame wall', () => {
  it('refuses the single pass naming the chunked option, and runs the chunked windows', () => {
    const single = result('long-walled', false);
    expect(single.status).toBe('failed');
    expect(single.error?.phase).toBe('plan');
    expect(single.error?.message).toMatch(/a single pass of 180\.0 s needs 2251 encoder frames, over the limit of 1000 .*; lower maxSec, or run it chunked: add \{ "strategy": "chunked", "windowSec": 60, "overlapSec": 10 \} to the sweep's longStrategies/);
    const chunked = result('long-walled', true);
    expect(chunked.status).toBe('ok');
    expect(chunked.longPass!.sections.map((s) => s.hypothesis)).toEqual(result('long', true).longPass!.sections.map((s) => s.hypothesis));
  });
});
