import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixturePaths } from '@parakeet-bench/fixture';
import { ensureFixture } from '@parakeet-bench/fixture';
import { mappedWeightsNote } from './mapped-weights-note.ts';

let cache = '';
let fx: FixturePaths;
beforeAll(async () => {
  cache = await mkdtemp(join(tmpdir(), 'pb-mapped-'));
  fx = await ensureFixture(cache);
}, 60_000);
afterAll(() => rm(cache, { recursive: true, force: true }));

describe('mappedWeightsNote', () => {
  it('names the external-data files onnxruntime-node maps, for single and sharded encoders', async () => {
    expect(await mappedWeightsNote({ dir: fx.stockDir, encoderFile: 'encoder-model.onnx' })).toMatch(
      /^onnxruntime-node memory-maps external data \(encoder-model\.onnx\.data\): .* not comparable with a browser backend's/,
    );
    expect(await mappedWeightsNote({ dir: fx.stockDir, encoderFile: 'sharded/encoder-model.onnx' })).toContain('(encoder-model.onnx.data.000, encoder-model.onnx.data.001)');
  });

  it('says nothing for graphs that hold their weights inline', async () => {
    expect(await mappedWeightsNote({ dir: fx.stockDir, encoderFile: 'encoder-model.int8.onnx' })).toBeNull();
    expect(await mappedWeightsNote({ dir: join(cache, 'nowhere'), encoderFile: 'encoder-model.onnx' })).toBeNull();
  });
});
