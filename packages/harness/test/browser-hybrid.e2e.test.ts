/**
 * web-hybrid end to end through the worker: the encoder on WebGPU (SwiftShader here), preprocessor and
 * decoder_joint on wasm, in one page; its transcripts must equal node-cpu's on the fixture.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResult } from '@parakeet-bench/core';
import type { FixturePaths } from '@parakeet-bench/fixture';
import type { DatasetSpec } from '../src/sweep/sweep-spec.ts';
import { runConfig } from '../src/worker/run-config.ts';
import { fixtureVariants, makeJob, shortFixture } from './fixture-jobs.ts';

let work = '';
let paths: FixturePaths;
let dataset: DatasetSpec;
let node: BenchResult;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'rb-hybrid-'));
  ({ paths, dataset } = await shortFixture(work, 3));
  node = await runConfig(makeJob(fixtureVariants(paths).fp32, 'node-cpu', 1, dataset, work));
}, 60_000);
afterAll(() => rm(work, { recursive: true, force: true }));

const hypotheses = (r: BenchResult): string[] => r.utterances.map((u) => u.hypothesis);

describe('web-hybrid', () => {
  it('transcribes exactly like node-cpu, with the encoder on WebGPU and the rest on wasm, word times included', async () => {
    const r = await runConfig(makeJob(fixtureVariants(paths).fp32, 'web-hybrid', 2, dataset, work));
    expect(r.error?.message ?? '').toBe('');
    expect(r.status).toBe('ok');
    expect(r.config.id).toBe('fixture-shortest__fp32__web-hybrid-t2__greedy');
    expect(hypotheses(node).every((h) => h.length > 0)).toBe(true);
    expect(hypotheses(r)).toEqual(hypotheses(node));
    expect(r.utterances.map((u) => u.wordTimes)).toEqual(node.utterances.map((u) => u.wordTimes));
    const notes = r.model!.notes.join('\n');
    expect(notes).toContain('encoder on webgpu EP, preprocessor and decoder_joint on wasm EP, wasm threads 2');
    expect(notes).toMatch(/webgpu adapter: .*, shader-f16 (yes|no)/);
    expect(r.model?.encoderFile).toBe('sharded/encoder-model.onnx');
    expect(r.environment.runtime).toBe('onnxruntime-web');
    // The GPU process holds the encoder's buffers: it is measured with the renderer.
    expect(r.memory?.source).toMatch(/renderer pid \d+ VmHWM \+ GPU process pid \d+ VmHWM/);
    expect(r.timing?.rtfx).toBeGreaterThan(0);
  }, 120_000);
});
