import { cp, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixturePaths } from '@parakeet-bench/fixture';
import { planBrowserModel } from '../src/browser-limits.ts';
import { transcribeInBrowser } from '../src/browser-backend.ts';
import { fixtureVariants, request, shortClips } from './requests.ts';

let work = '';
let paths: FixturePaths;
let clips: Float32Array[];

/** A sparse file of `bytes` (no disk blocks): enough to trip the size checks. */
async function sparse(path: string, bytes: number): Promise<void> {
  const fh = await open(path, 'w');
  await fh.truncate(bytes);
  await fh.close();
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'rb-limits-'));
  ({ paths, clips } = await shortClips(1));
}, 60_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('browser ingest limits', () => {
  it('plans the fp32 encoder from its shards, with the external-data paths as written in the graph', async () => {
    const plan = await planBrowserModel(fixtureVariants(paths).fp32, 'web-wasm');
    if (plan.status !== 'ok') throw new Error(plan.reason);
    expect(plan.variant.encoderFile).toBe('sharded/encoder-model.onnx');
    const enc = plan.graphs.find((g) => g.file === 'sharded/encoder-model.onnx');
    expect(enc?.externalData.map((e) => [e.path, e.file])).toEqual([
      ['encoder-model.onnx.data.000', 'sharded/encoder-model.onnx.data.000'],
      ['encoder-model.onnx.data.001', 'sharded/encoder-model.onnx.data.001'],
    ]);
    expect(plan.notes.join('\n')).toContain('sharded');
  });

  it('reports a batch size above 1 as unsupported before any browser starts, naming the fix', async () => {
    for (const backend of ['web-wasm', 'web-webgpu'] as const) {
      const r = await transcribeInBrowser({ ...request(fixtureVariants(paths).fp32, backend, 1, clips), batchSize: 8 });
      expect(r.status).toBe('unsupported');
      expect(r.status === 'unsupported' && r.reason).toBe(
        `${backend}: batch size 8 is not supported (the browser page transcribes clip by clip); throughput mode runs on node-cpu, or use batch size 1`,
      );
    }
  });

  it('reports an fp32 variant without a sharded export as unsupported, naming the missing file and the fix', async () => {
    const dir = join(work, 'no-shards');
    await cp(paths.stockDir, dir, { recursive: true });
    await rm(join(dir, 'sharded'), { recursive: true });
    const r = await transcribeInBrowser(request({ ...fixtureVariants(paths).fp32, dir }, 'web-wasm', 1, clips));
    expect(r.status).toBe('unsupported');
    expect(r.status === 'unsupported' && r.reason).toMatch(/no-shards\/sharded\/encoder-model\.onnx does not exist; add sharded\/encoder-model\.onnx/);
  });

  it('reports a graph over the limit as unsupported (limit lowered by option)', async () => {
    const r = await transcribeInBrowser(request(fixtureVariants(paths).fp32, 'web-wasm', 1, clips), { limits: { maxFetchBytes: 64 * 1024 } });
    expect(r.status).toBe('unsupported');
    expect(r.status === 'unsupported' && r.reason).toMatch(/nemo128\.onnx: [\d.]+ KiB is over the browser limit of 64\.00 KiB for one fetch\/ArrayBuffer/);
    expect('passes' in r).toBe(false);
  });

  it('reports a single graph file over 2 GiB as unsupported without reading it (sparse file)', async () => {
    const dir = join(work, 'huge');
    await cp(paths.stockDir, dir, { recursive: true });
    await sparse(join(dir, 'encoder-model.fp16.onnx'), 2 ** 31 + 1);
    const r = await transcribeInBrowser(request({ ...fixtureVariants(paths).fp16, dir }, 'web-wasm', 1, clips));
    expect(r.status).toBe('unsupported');
    expect(r.status === 'unsupported' && r.reason).toMatch(/huge\/encoder-model\.fp16\.onnx: 2\.00 GiB is over the browser limit of 2\.00 GiB/);
    expect(r.runtime.runtime).toBe('onnxruntime-web');
  });

  it('reports an external-data file over 2 GiB as unsupported (sparse file)', async () => {
    const dir = join(work, 'huge-shard');
    await cp(paths.stockDir, dir, { recursive: true });
    await sparse(join(dir, 'sharded', 'encoder-model.onnx.data.001'), 2 ** 31 + 4096);
    const plan = await planBrowserModel({ ...fixtureVariants(paths).fp32, dir }, 'web-webgpu');
    expect(plan.status).toBe('unsupported');
    expect(plan.status === 'unsupported' && plan.reason).toMatch(/encoder-model\.onnx\.data\.001: external data file of 2\.00 GiB is over/);
  });

  it('fails with the file named when a graph points at missing external data', async () => {
    const dir = join(work, 'lost-shard');
    await cp(paths.stockDir, dir, { recursive: true });
    await rm(join(dir, 'sharded', 'encoder-model.onnx.data.001'));
    await expect(planBrowserModel({ ...fixtureVariants(paths).fp32, dir }, 'web-wasm')).rejects.toThrow(
      /lost-shard\/sharded\/encoder-model\.onnx\.data\.001: external data "encoder-model\.onnx\.data\.001" named by .* not found; fetch the variant again/,
    );
  });

  it('records fp16 on wasm as upcast in the plan notes', async () => {
    const plan = await planBrowserModel(fixtureVariants(paths).fp16, 'web-wasm');
    expect(plan.status === 'ok' && plan.float16Graphs).toEqual(['encoder-model.fp16.onnx', 'decoder_joint-model.fp16.onnx']);
    expect(plan.notes.join('\n')).toMatch(/fp16 on wasm: .*upcast\/emulated/);
  });

  it('array-buffer without a sharded export: names the data file over the ceiling, the exact bytes and both fixes', async () => {
    const dir = join(work, 'single-only');
    await cp(paths.stockDir, dir, { recursive: true });
    await rm(join(dir, 'sharded'), { recursive: true });
    const plan = await planBrowserModel({ ...fixtureVariants(paths).fp32, dir }, 'web-wasm', { maxFetchBytes: 70_000 });
    expect(plan.status === 'unsupported' && plan.reason).toMatch(
      /^web-wasm: \/.*\/single-only\/encoder-model\.onnx\.data: external data file of 72\.50 KiB is over the browser limit of 68\.36 KiB for one fetch\/ArrayBuffer \(74,240 > 70,000 bytes, .*Response\.arrayBuffer\(\).*\); use the sharded export .*, or a loader without that ceiling \(--loaders stream or jspi-blob\); \/.*\/single-only\/sharded\/encoder-model\.onnx does not exist$/,
    );
  });

  it.each(['stream', 'ort-url'] as const)('%s: loads the files as named, with no per-fetch ceiling', async (loader) => {
    const plan = await planBrowserModel(fixtureVariants(paths).fp32, 'web-wasm', { maxFetchBytes: 1024 }, loader);
    if (plan.status !== 'ok') throw new Error(plan.reason);
    expect(plan.variant.encoderFile).toBe('encoder-model.onnx');
    expect(plan.graphs.find((g) => g.file === 'encoder-model.onnx')?.externalData.map((e) => e.file)).toEqual(['encoder-model.onnx.data']);
    expect(plan.notes.join('\n')).not.toContain('sharded');
  });

  it('refuses a non-browser backend', async () => {
    await expect(transcribeInBrowser(request(fixtureVariants(paths).fp32, 'node-cpu', 1, clips))).rejects.toThrow(/runner-browser runs web-wasm and web-webgpu, not node-cpu/);
  });
});
