import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendSchema, encodeWav16, parseBenchResult } from '@parakeet-bench/core';
import { backends } from '../src/backends.ts';
import type { SweepSpec } from '../src/sweep/sweep-spec.ts';
import { parseSweepSpec } from '../src/sweep/sweep-spec.ts';
import { runSweep } from '../src/sweep/run-sweep.ts';
import type { ConfigJob } from '../src/worker/job.ts';

const fake = join(import.meta.dirname, 'fake-worker.ts');
let spec: SweepSpec;

// Stand-in model and dataset files: the fake worker reads none of them, but the sweep hashes them
// (provenance) to decide what a rerun may reuse.
beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'pb-sweep-inputs-'));
  const model = join(root, 'model');
  await mkdir(model);
  for (const f of ['config.json', 'vocab.txt', 'nemo128.onnx', 'e', 'd']) await writeFile(join(model, f), f);
  await writeFile(join(root, 'a.wav'), encodeWav16(new Float32Array(1600), 16000));
  await writeFile(join(root, 'd.jsonl'), '{"audio_filepath":"a.wav","text":"x"}\n');
  const v = (id: string) => ({ id, dir: model, encoderFile: 'e', decoderFile: 'd', encoderPrecision: 'fp32', decoderPrecision: 'fp32' });
  spec = parseSweepSpec(
    {
      variants: [v('ok'), v('crash'), v('hang'), v('ok2')],
      oracleVariant: 'ok',
      backends: [{ backend: 'node-cpu', threads: [1] }],
      decoders: [{ kind: 'greedy' }],
      datasets: [{ name: 'd', kind: 'manifest', manifest: join(root, 'd.jsonl') }],
      timeoutSec: 10,
    },
    'test',
  );
});

describe('runSweep', () => {
  it('records a crashed and a hung config with their reasons, goes on, and resumes on rerun', async () => {
    const resultsDir = await mkdtemp(join(tmpdir(), 'pb-sweep-'));
    const lines: string[] = [];
    const out = await runSweep(spec, { resultsDir, worker: fake, log: (l) => lines.push(l) });
    expect(out.map((o) => [o.job.config.variant, o.result.status])).toEqual([
      ['ok', 'ok'],
      ['crash', 'failed'],
      ['hang', 'failed'],
      ['ok2', 'ok'],
    ]);
    expect(out[1]!.result.error?.message).toMatch(/exited with code 3 without writing a result: Segmentation fault \(simulated\)/);
    expect(out[2]!.result.error?.message).toMatch(/timed out after 10 s/);
    expect(lines.some((l) => l.includes('crash') && l.includes('about to crash'))).toBe(true);
    // every config has a schema-valid result file, failed ones included
    const files = (await readdir(resultsDir)).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(4);
    for (const f of files) parseBenchResult(await readFile(join(resultsDir, f), 'utf8'), f);

    const again = await runSweep(spec, { resultsDir, worker: fake, log: () => undefined });
    expect(again.every((o) => o.skipped)).toBe(true);
    const retry = await runSweep(spec, { resultsDir, worker: fake, retryFailed: true, log: () => undefined, select: (j) => j.filter((x) => x.config.variant !== 'hang') });
    expect(retry.map((o) => [o.job.config.variant, o.skipped])).toEqual([
      ['ok', true],
      ['crash', false],
      ['ok2', true],
    ]);
  }, 60_000);

  it('rescores cached results, without running them again, when the sweep changes its normaliser or reference', async () => {
    const resultsDir = await mkdtemp(join(tmpdir(), 'pb-sweep-'));
    const only = (j: ConfigJob[]) => j.filter((x) => x.config.variant.startsWith('ok'));
    await runSweep(spec, { resultsDir, worker: fake, select: only, log: () => undefined });
    const stored = async (variant: string) => parseBenchResult(await readFile(join(resultsDir, `d__${variant}__node-cpu-t1__greedy.json`), 'utf8'), variant);
    // The fake worker writes results the way old versions did: no scoring, no compareTo.
    expect((await stored('ok')).scoring).toBeUndefined();
    const lines: string[] = [];
    const again = await runSweep({ ...spec, normalizer: 'whisper-basic', compareTo: 'ok2' }, { resultsDir, worker: fake, select: only, log: (l) => lines.push(l) });
    expect(again.every((o) => o.skipped)).toBe(true);
    expect(lines.filter((l) => l.includes('cached, rescored with whisper-basic'))).toHaveLength(2);
    expect(await stored('ok')).toMatchObject({ scoring: { normalizer: 'whisper-basic' }, compareTo: 'ok2' });
    expect(again[0]!.result).toEqual(await stored('ok'));
    const third: string[] = [];
    await runSweep({ ...spec, normalizer: 'whisper-basic', compareTo: 'ok2' }, { resultsDir, worker: fake, select: only, log: (l) => third.push(l) });
    expect(third.filter((l) => l.includes('rescored'))).toEqual([]);
  }, 60_000);

  it('registers an adapter, with its runtime name, for every backend a sweep may name', async () => {
    // Replaces "a backend with no runner": the registry is keyed by the schema's backend names, so a
    // sweep cannot name a backend that has no adapter.
    expect(Object.keys(backends).sort()).toEqual([...backendSchema.options].sort());
    for (const name of backendSchema.options) {
      expect(backends[name].runtime).toMatch(/^onnxruntime-(node|web)$/);
      expect(typeof (await backends[name].load()).transcribe).toBe('function');
    }
  }, 60_000);
});
