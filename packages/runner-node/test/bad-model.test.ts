/** A broken model directory is an error naming the file and the fix, before anything is decoded. */
import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelVariant } from '@parakeet-bench/core';
import { loadParakeet, STANDARD_FILES } from '@parakeet-bench/core';
import type { FixturePaths } from '@parakeet-bench/fixture';
import { ensureFixture } from '@parakeet-bench/fixture';
import { nodeModelSource } from '../src/node-source.ts';

let fx: FixturePaths;

const variant = (id: string, precision: keyof typeof STANDARD_FILES, dir = fx.stockDir): ModelVariant => ({
  id,
  dir,
  encoderFile: STANDARD_FILES[precision]!.encoder,
  decoderFile: STANDARD_FILES[precision]!.decoder,
  encoderPrecision: precision,
  decoderPrecision: precision,
});

/** A copy of the stock model directory that a test may break. */
async function modelCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pb-model-'));
  for (const f of await readdir(fx.stockDir)) {
    if (f === 'sharded') continue;
    await copyFile(join(fx.stockDir, f), join(dir, f));
  }
  return dir;
}

beforeAll(async () => {
  fx = await ensureFixture(await mkdtemp(join(tmpdir(), 'pb-fx-')));
}, 60_000);

describe('bad model directories give errors naming the file and the fix', () => {
  it('missing graph', async () => {
    const dir = await modelCopy();
    const v = { ...variant('x', 'fp32', dir), encoderFile: 'encoder-model.fp64.onnx' };
    await expect(loadParakeet(nodeModelSource(dir, { threads: 1 }), v)).rejects.toThrow(/encoder-model.fp64.onnx: encoder graph not found; fetch the variant/);
  });

  it('truncated and corrupt ONNX files', async () => {
    const dir = await modelCopy();
    const bytes = await readFile(join(dir, 'decoder_joint-model.onnx'));
    await writeFile(join(dir, 'decoder_joint-model.onnx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(loadParakeet(nodeModelSource(dir, { threads: 1 }), variant('x', 'fp32', dir))).rejects.toThrow(
      /decoder_joint-model.onnx: cannot load ONNX graph .*corrupt or truncated: fetch it again/,
    );
    await writeFile(join(dir, 'nemo128.onnx'), Buffer.from('garbage'.repeat(50)));
    await expect(loadParakeet(nodeModelSource(dir, { threads: 1 }), variant('x', 'fp32', dir))).rejects.toThrow(/nemo128.onnx: cannot load ONNX graph/);
  });

  it('a vocab.txt that does not match the decoder', async () => {
    const dir = await modelCopy();
    const vocab = (await readFile(join(dir, 'vocab.txt'), 'utf8')).trimEnd().split('\n');
    const blank = vocab.pop()!;
    const n = vocab.length;
    await writeFile(join(dir, 'vocab.txt'), [...vocab, `▁extra ${n}`, `${blank.split(' ')[0]} ${n + 1}`].join('\n') + '\n');
    await expect(loadParakeet(nodeModelSource(dir, { threads: 1 }), variant('x', 'fp32', dir))).rejects.toThrow(
      /does not match vocab.txt .* the vocab.txt and decoder come from different models/,
    );
  });

  it('a config.json that is not a Parakeet TDT config', async () => {
    const dir = await modelCopy();
    await writeFile(join(dir, 'config.json'), '{"model_type":"nemo-conformer-ctc"}');
    await expect(loadParakeet(nodeModelSource(dir, { threads: 1 }), variant('x', 'fp32', dir))).rejects.toThrow(/config.json: model_type "nemo-conformer-ctc" is not supported/);
  });
});

