import { mkdtemp, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFixture } from '@parakeet-bench/fixture';
import type { FixturePaths } from '@parakeet-bench/fixture';
import { datasetNameOf, modelDirSweep, variantsInModelDir } from './model-dir-sweep.ts';
import { parseSweepSpec } from './sweep-spec.ts';

let fx: FixturePaths;
beforeAll(async () => {
  fx = await ensureFixture(await mkdtemp(join(tmpdir(), 'pb-fx-')));
}, 60_000);

describe('modelDirSweep', () => {
  it('finds every variant of a model directory and sweeps the given datasets', () => {
    expect(variantsInModelDir(fx.stockDir).map((v) => `${v.id}:${v.encoderFile}+${v.decoderFile}`)).toEqual([
      'fp32:encoder-model.onnx+decoder_joint-model.onnx',
      'fp32-sharded:sharded/encoder-model.onnx+decoder_joint-model.onnx',
      'fp16:encoder-model.fp16.onnx+decoder_joint-model.fp16.onnx',
      'int8:encoder-model.int8.onnx+decoder_joint-model.int8.onnx',
    ]);
    const spec = parseSweepSpec(modelDirSweep(fx.stockDir, { longAudio: fx.datasets.long.wav, manifest: fx.datasets.short.manifest }), 'quick');
    expect(spec.oracleVariant).toBe('fp32');
    // Named after the files given, not after their kind (two manifests must not share one name).
    expect(spec.datasets.map((d) => `${d.name}:${d.kind}`)).toEqual(['fixture-long:long', 'fixture-short:manifest']);
    expect(datasetNameOf('/data/sets/fleurs-fr-test.jsonl')).toBe('fleurs-fr-test');
    expect(datasetNameOf('/data/fleurs-fr-sample/')).toBe('fleurs-fr-sample');
    expect(parseSweepSpec(modelDirSweep(fx.stockDir, { manifest: '/d/x.jsonl', folder: '/d/x' }), 'quick').datasets.map((d) => d.name)).toEqual(['x-manifest', 'x-folder']);
  });

  it('pairs an encoder with the fp32 decoder when its own precision has none (the real fp16 repo)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pb-fp16-'));
    for (const f of ['config.json', 'vocab.txt', 'nemo128.onnx', 'encoder-model.fp16.onnx', 'decoder_joint-model.onnx']) await copyFile(join(fx.stockDir, f), join(dir, f));
    expect(variantsInModelDir(dir)).toMatchObject([{ id: 'fp16', decoderFile: 'decoder_joint-model.onnx', decoderPrecision: 'fp32' }]);
    expect(() => modelDirSweep(dir, { longAudio: fx.datasets.long.wav })).toThrow(/needs the fp32 oracle .*bench model fetch fp32/);
  });

  it('names what is missing', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'pb-empty-'));
    expect(() => modelDirSweep(empty, { manifest: 'm.jsonl' })).toThrow(/no encoder-model\*\.onnx .* is this a Parakeet model directory/);
    expect(() => modelDirSweep(fx.stockDir, {})).toThrow(/needs at least one of --long-audio/);
  });
});
