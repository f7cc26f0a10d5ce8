/** Requests over the generated fixture for the backend's own tests (the harness tests whole configs). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackendName, ModelVariant, TranscribeRequest } from '@parakeet-bench/core';
import { loadAudio16k } from '@parakeet-bench/core';
import type { FixturePaths } from '@parakeet-bench/fixture';
import { ensureFixture } from '@parakeet-bench/fixture';

/** The fixture's fp32 (non-sharded file name: the browser must pick the shards) and fp16 variants. */
export function fixtureVariants(paths: FixturePaths): Record<'fp32' | 'fp16', ModelVariant> {
  return {
    fp32: { id: 'fp32', dir: paths.stockDir, encoderFile: 'encoder-model.onnx', decoderFile: 'decoder_joint-model.onnx', encoderPrecision: 'fp32', decoderPrecision: 'fp32' },
    fp16: { id: 'fp16', dir: paths.stockDir, encoderFile: 'encoder-model.fp16.onnx', decoderFile: 'decoder_joint-model.fp16.onnx', encoderPrecision: 'fp16', decoderPrecision: 'fp16' },
  };
}

/** The fixture plus its `count` shortest short clips, decoded, and their reference texts. */
export async function shortClips(count: number): Promise<{ paths: FixturePaths; clips: Float32Array[]; texts: string[] }> {
  const paths = await ensureFixture();
  const items = [...paths.datasets.short.items].sort((a, b) => a.durationSec - b.durationSec).slice(0, count);
  const clips = await Promise.all(items.map(async (i) => loadAudio16k(await readFile(join(paths.datasets.short.dir, i.audio)), i.audio).samples));
  return { paths, clips, texts: items.map((i) => i.text) };
}

/** The first `sec` seconds of the fixture's long clip: a run that lasts several seconds in the browser. */
export async function longClip(paths: FixturePaths, sec: number): Promise<Float32Array> {
  return loadAudio16k(await readFile(paths.datasets.long.wav), paths.datasets.long.wav).samples.slice(0, sec * 16000);
}

/** A greedy request of `clips` on `backend`. */
export function request(variant: ModelVariant, backend: BackendName, threads: number, clips: readonly Float32Array[]): TranscribeRequest {
  return { backend, variant, threads, decoder: { kind: 'greedy' }, clips, repeats: 1, progress: () => undefined };
}
