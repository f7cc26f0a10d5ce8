/**
 * Throughput mode on the generated fixture (onnxruntime-node, 1 thread): for every precision variant,
 * clips transcribed in batches give exactly the transcripts (words and their frames) of batch 1, with
 * greedy (batched decoding) and MAES (per clip, on batched encoder outputs), for clips of very
 * different lengths in one batch and for a batch larger than the set.
 */
import type { BatchPreprocess, ClipTranscript, DecoderConfig, ParakeetModel } from '@parakeet-bench/core';
import { MAES_DEFAULTS, loadAudio16k, loadParakeet, transcribePasses } from '@parakeet-bench/core';
import type { FixturePaths } from '@parakeet-bench/fixture';
import { ensureFixture, fixtureVariants } from '@parakeet-bench/fixture';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeModelSource } from '../src/node-source.ts';

let fx: FixturePaths;
let short: Float32Array[];
let mixed: Float32Array[];

async function corpus(c: FixturePaths['datasets']['short']): Promise<Float32Array[]> {
  return Promise.all(c.items.map(async (i) => loadAudio16k(await readFile(join(c.dir, i.audio)), i.audio).samples));
}

beforeAll(async () => {
  fx = await ensureFixture();
  short = await corpus(fx.datasets.short);
  const hard = await corpus(fx.datasets.hard);
  const long = loadAudio16k(await readFile(fx.datasets.long.wav), fx.datasets.long.wav).samples;
  // 2 s next to 150 s (past the point where the stock int8 encoder starts to degrade) and 61 s.
  const shortest = [...short].sort((a, b) => a.length - b.length)[0]!;
  mixed = [shortest, long.slice(0, 150 * 16000), hard[0]!, long.slice(200 * 16000, 261 * 16000), short[3]!];
}, 120_000);

const GREEDY: DecoderConfig = { kind: 'greedy' };
const MAES4: DecoderConfig = { kind: 'maes', ...MAES_DEFAULTS, beamWidth: 4 };

/** What must not change with the batch size: text, and each word with the frame it starts on. */
const transcriptOf = (clips: readonly ClipTranscript[]) => clips.map((c) => ({ text: c.text, words: c.words }));

async function run(model: ParakeetModel, clips: readonly Float32Array[], decoder: DecoderConfig, batchSize: number, batchPreprocess: BatchPreprocess = 'per-clip') {
  const calls0 = model.joint.calls;
  const rows0 = model.joint.rows;
  const { passes } = await transcribePasses(model, clips, decoder, { batchSize, batchPreprocess });
  return { clips: passes[0]!, calls: model.joint.calls - calls0, rows: model.joint.rows - rows0 };
}

describe('batched transcription equals batch 1 on every fixture variant', () => {
  for (const id of ['fp32', 'fp32-sharded', 'fp16', 'int8-stock', 'int8-smoothquant']) {
    it(`${id}: greedy and MAES-4 at batch 4 and 64 (larger than the set), nemo128 per clip and padded, short clips and mixed lengths`, async () => {
      const variant = fixtureVariants(fx).find((v) => v.id === id)!;
      const model = await loadParakeet(nodeModelSource(variant.dir, { threads: 1 }), variant);
      try {
        for (const [name, clips] of [['short', short], ['mixed', mixed]] as const) {
          for (const decoder of [GREEDY, MAES4]) {
            const one = await run(model, clips, decoder, 1);
            expect(one.clips.filter((c) => c.text.length > 0).length, `${name}: batch 1 transcribes something`).toBeGreaterThan(clips.length / 2);
            for (const [batchSize, pre] of [[4, 'per-clip'], [4, 'padded'], [64, 'per-clip'], [64, 'padded']] as const) {
              const many = await run(model, clips, decoder, batchSize, pre);
              expect(transcriptOf(many.clips), `${id} ${name} ${decoder.kind} batch ${batchSize}, nemo128 ${pre}`).toEqual(transcriptOf(one.clips));
              expect(many.clips.map((c) => [c.samples, c.featuresLength, c.encodedLength])).toEqual(one.clips.map((c) => [c.samples, c.featuresLength, c.encodedLength]));
              if (decoder.kind === 'greedy') {
                // Every batch-1 call is one row of a batched call; batching only saves calls.
                expect(many.rows).toBe(one.calls);
                expect(many.calls).toBeLessThan(one.calls);
              } else {
                expect([many.calls, many.rows]).toEqual([one.calls, one.rows]);
              }
            }
          }
        }
      } finally {
        await model.release();
      }
    }, 240_000);
  }
});
