import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelVariant } from '@parakeet-bench/core';
import { loadParakeet, parseNemoManifest, STANDARD_FILES, transcribe } from '@parakeet-bench/core';
import type { FixturePaths } from '@parakeet-bench/fixture';
import { ensureFixture } from '@parakeet-bench/fixture';
import { nodeModelSource } from '@parakeet-bench/runner-node';
import { loadAudioFile } from '../src/datasets/audio-file.ts';
import { runConfig } from '../src/worker/run-config.ts';
import { configId } from '@parakeet-bench/core';
import type { ConfigJob } from '../src/worker/job.ts';

const datasets = join(import.meta.dirname, '../../../datasets');
let fx: FixturePaths;

const variant = (id: string, precision: keyof typeof STANDARD_FILES, dir = fx.stockDir): ModelVariant => ({
  id,
  dir,
  encoderFile: STANDARD_FILES[precision]!.encoder,
  decoderFile: STANDARD_FILES[precision]!.decoder,
  encoderPrecision: precision,
  decoderPrecision: precision,
});

beforeAll(async () => {
  fx = await ensureFixture(await mkdtemp(join(tmpdir(), 'pb-fx-')));
}, 60_000);

describe('pipeline on the fixture model (node-cpu)', () => {
  it('transcribes every short fixture clip exactly in fp32, with word timestamps', async () => {
    const model = await loadParakeet(nodeModelSource(fx.stockDir, { threads: 1 }), variant('fp32', 'fp32'));
    try {
      const manifest = parseNemoManifest(await readFile(fx.datasets.short.manifest, 'utf8'), 'm');
      for (const entry of manifest.slice(0, 4)) {
        const { samples } = await loadAudioFile(join(fx.datasets.short.dir, entry.audioFilepath));
        const t = await transcribe(model, samples);
        expect(t.text).toBe(entry.text);
        expect(t.words.length).toBeGreaterThan(0);
        expect(t.words.every((w, i) => i === 0 || w.startSec >= t.words[i - 1]!.startSec)).toBe(true);
        expect(t.encoded.length).toBeLessThanOrEqual(t.encoded.frames);
      }
    } finally {
      await model.release();
    }
  });

  it('runs the bundled real audio (JFK wav, FLEURS-fr ogg) through the whole pipeline', async () => {
    const model = await loadParakeet(nodeModelSource(fx.stockDir, { threads: 1 }), variant('fp32', 'fp32'));
    try {
      for (const f of ['jfk-11s/jfk-11s.wav', 'fleurs-fr-sample/fleurs-fr-test-002.ogg']) {
        const { samples } = await loadAudioFile(join(datasets, f));
        const t = await transcribe(model, samples);
        // The fixture knows no speech: what matters is that real audio of real lengths flows through.
        expect(t.encoded.length).toBe(Math.ceil(Math.floor(samples.length / 160) / 8));
        expect(typeof t.text).toBe('string');
      }
    } finally {
      await model.release();
    }
  });

  it('scores the bundled FLEURS-fr sample folder end to end (bench run --folder datasets/fleurs-fr-sample)', async () => {
    const sample = join(datasets, 'fleurs-fr-sample');
    const base = { variant: 'fp32', encoderPrecision: 'fp32', decoderPrecision: 'fp32', backend: 'node-cpu' as const, threads: 1, decoder: { kind: 'greedy' as const } };
    const dir = await mkdtemp(join(tmpdir(), 'pb-sample-'));
    const r = await runConfig({
      kind: 'config',
      config: { id: configId({ ...base, dataset: 'fleurs-fr-sample' }), ...base, dataset: 'fleurs-fr-sample' },
      variant: variant('fp32', 'fp32'),
      dataset: { name: 'fleurs-fr-sample', kind: 'folder', dir: sample },
      resultPath: join(dir, 'r.json'),
    });
    expect(r.status).toBe('ok');
    expect(r.accuracy!.utterances).toBe(10);
    for (const u of r.utterances) expect(u.reference).toBe((await readFile(join(sample, `${u.id}.txt`), 'utf8')).trim());
    // The fixture model knows no French: every reference word counts, so WER is high but the counts are whole.
    expect(r.accuracy!.words.referenceLength).toBe(r.utterances.reduce((n, u) => n + u.words.referenceLength, 0));
    expect(r.accuracy!.words.referenceLength).toBeGreaterThan(200);
    expect(r.timing!.audioSec).toBeGreaterThan(60);
  }, 60_000);

  it('runs one corpus config and one long-pass config into schema-shaped results', async () => {
    const base = { variant: 'fp32', encoderPrecision: 'fp32', decoderPrecision: 'fp32', backend: 'node-cpu' as const, threads: 1, decoder: { kind: 'greedy' as const } };
    const dir = await mkdtemp(join(tmpdir(), 'pb-run-'));
    const short: ConfigJob = {
      kind: 'config',
      config: { id: configId({ ...base, dataset: 's' }), ...base, dataset: 's' },
      variant: variant('fp32', 'fp32'),
      dataset: { name: 's', kind: 'manifest', manifest: fx.datasets.short.manifest },
      resultPath: join(dir, 's.json'),
    };
    const r = await runConfig(short);
    expect(r.status).toBe('ok');
    expect(r.accuracy?.wer).toBe(0);
    expect(r.accuracy?.utterances).toBe(12);
    expect(r.timing!.rtfx).toBeGreaterThan(0);
    expect(r.memory!.peakRssBytes).toBeGreaterThan(r.memory!.runtimeBaselineRssBytes!);
    expect(r.memory!.inferencePeakBytes).toBe(Math.max(r.memory!.encodePeakBytes!, r.memory!.decodePeakBytes!));
    expect(r.model?.notes).toContain('preprocessor: onnx-asr (features_lens = N//160)');

    const oraclePath = join(dir, 'oracle.json');
    const sections = [0, 1].map((index) => ({ index, startSec: index * 30, endSec: index * 30 + 30, text: 'x' }));
    await writeFile(oraclePath, JSON.stringify({ dataset: 'l', audio: fx.datasets.long.wav, variant: 'fp32', audioSec: 60, sectionSec: 30, sections }));
    const long: ConfigJob = {
      ...short,
      config: { ...short.config, id: 'l', dataset: 'l' },
      dataset: { name: 'l', kind: 'long', audio: fx.datasets.long.wav, maxSec: 60, sectionSec: 30, maxEncoderFrames: 5000 },
      oraclePath,
    };
    const lr = await runConfig(long);
    expect(lr.longPass?.sections).toHaveLength(2);
    expect(lr.longPass?.encoderFrames).toBe(750);
    // the oracle says "x": every section is scored against it, so WER is high but finite
    expect(lr.longPass!.sections[0]!.words.referenceLength).toBe(1);

    const tooLong: ConfigJob = { ...long, dataset: { ...long.dataset, maxEncoderFrames: 500 } as ConfigJob['dataset'] };
    await expect(runConfig(tooLong)).rejects.toThrow(/a single pass of 60.0 s needs 751 encoder frames, over the limit of 500/);
  }, 60_000);
});

describe('repeats', () => {
  it('times every pass, reports the median pass, and keeps the first pass accuracy', async () => {
    const base = { variant: 'fp32', encoderPrecision: 'fp32', decoderPrecision: 'fp32', backend: 'node-cpu' as const, threads: 1, decoder: { kind: 'greedy' as const } };
    const dir = await mkdtemp(join(tmpdir(), 'pb-rep-'));
    const r = await runConfig({
      kind: 'config',
      config: { id: 'rep', ...base, dataset: 's' },
      variant: variant('fp32', 'fp32'),
      dataset: { name: 's', kind: 'manifest', manifest: fx.datasets.short.manifest },
      resultPath: join(dir, 'r.json'),
      repeats: 3,
    });
    const reps = r.timing!.repeats!;
    expect(reps).toHaveLength(3);
    const sorted = reps.map((x) => x.processMs).sort((a, b) => a - b);
    expect(r.timing!.processMs).toBe(sorted[1]);
    expect(r.timing!.rtfx).toBeCloseTo(r.timing!.audioSec / (sorted[1]! / 1000), 6);
    expect(r.accuracy!.wer).toBe(0);
    expect(r.model!.notes.some((n) => n.includes('transcribed differently'))).toBe(false);
  }, 60_000);
});
