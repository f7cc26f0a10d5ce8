/**
 * The three browser loaders on the small fixture: each loads the model its way and transcribes like
 * the others; load failures name the file on disk. (The real-size runs are in
 * packages/harness/test/browser-big.e2e.test.ts.)
 */
import { cp, mkdtemp, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixturePaths } from '@parakeet-bench/fixture';
import { transcribeInBrowser } from '../src/browser-backend.ts';
import { fixtureVariants, request, shortClips } from './requests.ts';

let work = '';
let paths: FixturePaths;
let clips: Float32Array[];
let texts: string[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'rb-loaders-'));
  ({ paths, clips, texts } = await shortClips(2));
}, 60_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('browser loaders on the fixture', () => {
  it.each([
    ['array-buffer', 'sharded/encoder-model.onnx', /loader array-buffer: read [\d,]+ bytes in [\d.]+ s, created the sessions in [\d.]+ s; page copies dropped and collected \(gc\)/],
    ['stream', 'encoder-model.onnx', /loader stream: read [\d,]+ bytes in [\d.]+ s, created the sessions/],
    ['ort-url', 'encoder-model.onnx', /loader ort-url: onnxruntime-web fetched the files and created the sessions in [\d.]+ s/],
    ['jspi-blob', 'encoder-model.onnx', /loader jspi-blob: onnxruntime-web's JSPI build; external data fetched as Blobs and read one tensor at a time; read [\d,]+ bytes/],
  ] as const)('%s loads %s and transcribes the references', async (loader, encoderFile, note) => {
    const r = await transcribeInBrowser({ ...request(fixtureVariants(paths).fp32, 'web-wasm', 1, clips), loader });
    if (r.status !== 'ok') throw new Error(r.reason);
    expect(r.variant.encoderFile).toBe(encoderFile);
    expect(r.passes[0]!.map((c) => c.text)).toEqual(texts);
    expect(r.notes.join('\n')).toMatch(note);
    // What stays resident after the load (baseline + model) is at most the peak, and inference keeps the model.
    const m = r.memory;
    expect(m.runtimeBaselineRssBytes! + m.modelBytes!).toBeLessThanOrEqual(m.peakRssBytes);
    expect(m.inferencePeakBytes!).toBeGreaterThanOrEqual(m.modelBytes!);
    // The jspi-blob loader leaves the blob storage to the browser process, so that is measured too.
    expect(r.memory.source).toMatch(loader === 'jspi-blob' ? /^chromium renderer pid \d+ VmHWM \+ browser process pid \d+ VmHWM/ : /^chromium renderer pid \d+ VmHWM \(/);
  }, 60_000);

  it('a truncated shard is a load error naming the graph on disk (one slash) and the external data as the cause', async () => {
    const dir = join(work, 'short-shard');
    await cp(paths.stockDir, dir, { recursive: true });
    await truncate(join(dir, 'sharded', 'encoder-model.onnx.data.000'), 100);
    // The stream loader has no reason to prefer the shards: name the sharded encoder explicitly.
    const sharded = { ...fixtureVariants(paths).fp32, dir, encoderFile: 'sharded/encoder-model.onnx' };
    const e = await transcribeInBrowser({ ...request(sharded, 'web-wasm', 1, clips), loader: 'stream' }).then(
      () => new Error('loaded a truncated shard'),
      (x: unknown) => x as Error,
    );
    expect(e.message).toContain(`${dir}/sharded/encoder-model.onnx: cannot load ONNX graph (`);
    expect(e.message).toMatch(/an external-data file it names is missing, truncated or from another export: fetch the variant again/);
    expect(e.message).not.toMatch(/\/\/|corrupt/);
  }, 60_000);
});
