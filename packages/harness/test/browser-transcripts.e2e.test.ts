import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResult } from '@parakeet-bench/core';
import type { FixturePaths } from '@parakeet-bench/fixture';
import type { DatasetSpec } from '../src/sweep/sweep-spec.ts';
import { runConfig } from '../src/worker/run-config.ts';
import { fixtureVariants, makeJob, manifestTexts, shortFixture } from './fixture-jobs.ts';

let work = '';
let paths: FixturePaths;
let dataset: DatasetSpec;
let references: string[] = [];
let node: BenchResult;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'rb-e2e-'));
  ({ paths, dataset } = await shortFixture(work, 2));
  if (dataset.kind === 'manifest') references = await manifestTexts(dataset.manifest);
  node = await runConfig(makeJob(fixtureVariants(paths).fp32, 'node-cpu', 1, dataset, work));
}, 60_000);
afterAll(() => rm(work, { recursive: true, force: true }));

const hypotheses = (r: BenchResult): string[] => r.utterances.map((u) => u.hypothesis);

describe('fp32 fixture: browser backends transcribe exactly like node-cpu', () => {
  it('node-cpu reference run is exact on the fixture', () => {
    expect(node.status).toBe('ok');
    expect(hypotheses(node)).toEqual(references);
    expect(references.every((r) => r.length > 0)).toBe(true);
  });

  it.each([
    ['web-wasm', 1],
    ['web-wasm', 2],
    ['web-webgpu', 1],
  ] as const)('%s with %i thread(s) loads the shards and matches node-cpu', async (backend, threads) => {
    const r = await runConfig(makeJob(fixtureVariants(paths).fp32, backend, threads, dataset, work));
    expect(r.error?.message ?? '').toBe('');
    expect(r.status).toBe('ok');
    expect(hypotheses(r)).toEqual(hypotheses(node));
    expect(r.accuracy?.wer).toBe(0);
    expect(r.model?.encoderFile).toBe('sharded/encoder-model.onnx');
    expect(r.model?.notes.join('\n')).toContain(backend === 'web-webgpu' ? 'webgpu EP' : `wasm EP, wasm threads ${threads}`);
    expect(r.environment.runtime).toBe('onnxruntime-web');
    expect(r.environment.browser).toMatch(/Chrome/);
    expect(r.memory?.source).toMatch(backend === 'web-webgpu' ? /renderer pid \d+ VmHWM \+ GPU process pid \d+/ : /renderer pid \d+ VmHWM/);
    expect(r.memory?.peakRssBytes).toBeGreaterThan(r.memory?.runtimeBaselineRssBytes ?? Infinity);
    expect(r.timing?.rtfx).toBeGreaterThan(0);
  }, 90_000);

  it('fp16 on wasm runs, matches, and records the upcast; fp16 on SwiftShader WebGPU is unsupported, not empty', async () => {
    const fp16 = fixtureVariants(paths).fp16;
    const wasm = await runConfig(makeJob(fp16, 'web-wasm', 1, dataset, work));
    expect(wasm.status).toBe('ok');
    expect(hypotheses(wasm)).toEqual(references);
    expect(wasm.model?.notes.join('\n')).toMatch(/fp16 on wasm: .*upcast/);
    const gpu = await runConfig(makeJob(fp16, 'web-webgpu', 1, dataset, work));
    if (gpu.status === 'ok') {
      // An adapter with shader-f16 runs it: then the transcript must still be right.
      expect(gpu.model?.notes.join('\n')).toContain('shader-f16 yes');
      expect(hypotheses(gpu)).toEqual(references);
    } else {
      expect(gpu.status).toBe('unsupported');
      expect(gpu.error?.message).toMatch(/float16 weights but the WebGPU adapter .* lacks shader-f16/);
    }
  }, 90_000);
});
