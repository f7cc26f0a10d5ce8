/**
 * A number must belong to exactly the inputs that made it. Each case here once reported another run's
 * number, or success when nothing worked; they run real worker processes on the generated fixture.
 */
import { cp, mkdtemp, readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeWav16 } from '@parakeet-bench/core';
import type { FixturePaths } from '@parakeet-bench/fixture';
import { ensureFixture } from '@parakeet-bench/fixture';
import { readResultFile } from '@parakeet-bench/results';
import { runBench } from '../src/run-bench.ts';
import { logOutput } from '../src/sweep/progress-output.ts';
import { runSweep } from '../src/sweep/run-sweep.ts';
import type { SweepSpec, SweepSpecInput } from '../src/sweep/sweep-spec.ts';
import { parseSweepSpec } from '../src/sweep/sweep-spec.ts';

let fx: FixturePaths;
let work: string;
let twoClips: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pb-trust-'));
  fx = await ensureFixture(join(work, 'cache'));
  const lines = (await readFile(fx.datasets.short.manifest, 'utf8')).trim().split('\n').slice(0, 2);
  twoClips = join(fx.datasets.short.dir, 'two.jsonl');
  await writeFile(twoClips, `${lines.join('\n')}\n`);
}, 60_000);

/** A copy of a fixture model directory the test may change. */
async function modelCopy(from: string, name: string): Promise<string> {
  const dir = join(work, name);
  await cp(from, dir, { recursive: true });
  return dir;
}

function sweep(dir: string, extra: Partial<SweepSpecInput> = {}, encoderFile = 'encoder-model.int8.onnx', decoderFile = 'decoder_joint-model.int8.onnx'): SweepSpec {
  return parseSweepSpec(
    {
      variants: [{ id: 'int8', dir, encoderFile, decoderFile, encoderPrecision: 'int8', decoderPrecision: 'int8' }],
      oracleVariant: 'int8',
      backends: [{ backend: 'node-cpu', threads: [1] }],
      decoders: [{ kind: 'greedy' }],
      datasets: [{ name: 'two', kind: 'manifest', manifest: twoClips }],
      ...extra,
    },
    'trust.test',
  );
}

async function run(spec: SweepSpec, resultsDir: string, opts: { force?: boolean; retryFailed?: boolean; tensorCacheDir?: string; oracleDir?: string } = {}) {
  const lines: string[] = [];
  const outcomes = await runSweep(spec, { resultsDir, log: (l) => lines.push(l), ...opts });
  return { outcomes, lines: lines.join('\n') };
}

describe('a rerun reuses a result only while its inputs are the same', () => {
  it('a SmoothQuant int8 model run after a stock int8 one into the same results is run, not answered from cache', async () => {
    const results = join(work, 'sq-after-stock');
    const stock = await run(sweep(fx.stockDir), results);
    expect(stock.outcomes[0]!.result.status).toBe('ok');
    const again = await run(sweep(fx.stockDir), results);
    expect(again.outcomes[0]!.skipped).toBe(true);
    const sq = await run(sweep(fx.smoothQuantDir), results);
    expect(sq.outcomes[0]!.skipped).toBe(false);
    expect(sq.lines).toMatch(/rerunning: encoder-model\.int8\.onnx changed/);
    expect(sq.outcomes[0]!.result.provenance?.model.dir).toBe(fx.smoothQuantDir);
    expect(sq.outcomes[0]!.result.provenance?.model.files.find((f) => f.file === 'encoder-model.int8.onnx')?.sha256).not.toBe(
      stock.outcomes[0]!.result.provenance?.model.files.find((f) => f.file === 'encoder-model.int8.onnx')?.sha256,
    );
  }, 120_000);

  it('a model file corrupted after a good run gives a failed result, not the earlier WER', async () => {
    const dir = await modelCopy(fx.stockDir, 'corrupt');
    const results = join(work, 'corrupt-results');
    expect((await run(sweep(dir), results)).outcomes[0]!.result.status).toBe('ok');
    const bytes = await readFile(join(dir, 'decoder_joint-model.int8.onnx'));
    await writeFile(join(dir, 'decoder_joint-model.int8.onnx'), bytes.subarray(0, bytes.length >> 1));
    const after = await run(sweep(dir), results);
    expect(after.lines).toMatch(/rerunning: decoder_joint-model\.int8\.onnx changed/);
    expect(after.outcomes[0]!.result.status).toBe('failed');
    expect(after.outcomes[0]!.result.error?.message).toMatch(/decoder_joint-model\.int8\.onnx: cannot load ONNX graph/);
    // Unchanged inputs: the failure is replayed, and the line names --retry-failed.
    const replay = await run(sweep(dir), results);
    expect(replay.outcomes[0]!.skipped).toBe(true);
    expect(replay.lines).toMatch(/cached, FAILED: .*rerun it with --retry-failed/);
    expect((await run(sweep(dir), results, { retryFailed: true })).outcomes[0]!.skipped).toBe(false);
  }, 120_000);

  it('a changed manifest reruns, saying which file changed', async () => {
    const dir = await mkdtemp(join(work, 'manifest-'));
    const manifest = join(dir, 'set.jsonl');
    const [first = '', second = ''] = (await readFile(twoClips, 'utf8')).trim().split('\n');
    const at = (line: string) => JSON.stringify({ ...(JSON.parse(line) as object), audio_filepath: join(fx.datasets.short.dir, (JSON.parse(line) as { audio_filepath: string }).audio_filepath) });
    await writeFile(manifest, `${at(first)}\n`);
    const results = join(work, 'manifest-results');
    const spec = sweep(fx.stockDir, { datasets: [{ name: 'set', kind: 'manifest', manifest }] });
    expect((await run(spec, results)).outcomes[0]!.result.accuracy?.utterances).toBe(1);
    await writeFile(manifest, `${at(first)}\n${at(second)}\n`);
    const after = await run(spec, results);
    expect(after.lines).toMatch(/rerunning: set\.jsonl changed, dataset audio changed \(1 -> 2 files\)/);
    expect(after.outcomes[0]!.result.accuracy?.utterances).toBe(2);
  }, 120_000);

  it('an interrupted --force leaves two runs; the next run completes the newest one and redoes the rest', async () => {
    const results = join(work, 'mixed-runs');
    const two = sweep(fx.stockDir, { decoders: [{ kind: 'greedy' }, { kind: 'maes', beamWidth: 2, numSteps: 2, prefixAlpha: 1, expansionBeta: 2, expansionGamma: 2.3, scoreNorm: true }] });
    const first = await run(two, results);
    const oldRun = first.outcomes[0]!.result.runId!;
    // --force rewrote only the first config before it was interrupted.
    const forced = await runSweep(two, { resultsDir: results, force: true, log: () => undefined, select: (jobs) => jobs.slice(0, 1) });
    const newRun = forced[0]!.result.runId!;
    expect(newRun).not.toBe(oldRun);
    const resumed = await run(two, results);
    expect(resumed.lines).toMatch(new RegExp(`continuing run ${newRun}`));
    expect(resumed.outcomes.map((o) => o.skipped)).toEqual([true, false]);
    expect(resumed.lines).toMatch(new RegExp(`rerunning: result left from an earlier run \\(${oldRun}\\)`));
    expect(new Set(resumed.outcomes.map((o) => o.result.runId))).toEqual(new Set([newRun]));
  }, 120_000);
});

describe('caches are keyed on content', () => {
  it('an encoder changed in place (same size, same mtime) misses the tensor cache and reruns its configs', async () => {
    const dir = await modelCopy(fx.stockDir, 'tensor-cache');
    const tensorCacheDir = join(work, 'tensors');
    const results = join(work, 'tensor-results');
    const spec = sweep(dir, { decoders: [{ kind: 'greedy' }, { kind: 'maes', beamWidth: 2, numSteps: 2, prefixAlpha: 1, expansionBeta: 2, expansionGamma: 2.3, scoreNorm: true }] }, 'encoder-model.onnx', 'decoder_joint-model.onnx');
    const before = await run(spec, results, { tensorCacheDir });
    expect(before.outcomes[1]!.result.decodeStats?.encoderCache).toBe('hit');
    // Flip bytes of the external weights, keeping size and mtime: only content can tell.
    const data = join(dir, 'encoder-model.onnx.data');
    const { mtime, atime } = await stat(data);
    const bytes = await readFile(data);
    for (let i = 0; i < 64; i++) bytes[i] = bytes[i]! ^ 0xff;
    await writeFile(data, bytes);
    await utimes(data, atime, mtime);
    const after = await run(spec, results, { tensorCacheDir });
    expect(after.lines).toMatch(/rerunning: encoder-model\.onnx\.data changed/);
    expect(after.outcomes.map((o) => o.skipped)).toEqual([false, false]);
    expect(after.outcomes[1]!.result.decodeStats?.encoderCache).toBe('hit');
    // The reusing config read the entry the fresh config just computed for the NEW weights.
    expect(after.outcomes[0]!.result.decodeStats?.encoderCache).toBe('miss');
    expect((await readdir(join(tensorCacheDir, 'encoded'))).filter((f) => f.endsWith('.json'))).toHaveLength(4);
  }, 120_000);

  it('an oracle is recomputed when the long recording changes in place (same size, same mtime)', async () => {
    const long = join(work, 'long.wav');
    await cp(fx.datasets.long.wav, long);
    const oracleDir = join(work, 'oracles');
    const spec = sweep(fx.stockDir, { datasets: [{ name: 'long', kind: 'long', audio: long, maxSec: 120, sectionSec: 60 }] }, 'encoder-model.onnx', 'decoder_joint-model.onnx');
    const first = await run(spec, join(work, 'oracle-results'), { oracleDir });
    expect(first.lines).toMatch(/oracle long: transcribing/);
    expect((await run(spec, join(work, 'oracle-results'), { oracleDir })).lines).toMatch(/oracle long: cached/);
    const { mtime, atime } = await stat(long);
    const bytes = await readFile(long);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    await writeFile(long, bytes);
    await utimes(long, atime, mtime);
    expect((await run(spec, join(work, 'oracle-results'), { oracleDir })).lines).toMatch(/oracle long: transcribing/);
  }, 180_000);
});

describe('honest failures, before minutes are spent', () => {
  it('refuses a pass over the frame wall before the oracle runs and before any model loads', async () => {
    const spec = sweep(fx.stockDir, { datasets: [{ name: 'long', kind: 'long', audio: fx.datasets.long.wav, maxSec: 120, sectionSec: 60, maxEncoderFrames: 500 }] });
    const r = await run(spec, join(work, 'wall'), { oracleDir: join(work, 'wall-oracle') });
    expect(r.lines).not.toMatch(/oracle long: transcribing/);
    expect(r.outcomes[0]!.result).toMatchObject({ status: 'failed', error: { phase: 'plan' } });
    expect(r.outcomes[0]!.result.error?.message).toMatch(/needs 1501 encoder frames, over the limit of 500/);
  }, 60_000);

  it('refuses a long recording shorter than one section, and a long pass whose oracle heard nothing', async () => {
    const short = await run(sweep(fx.stockDir, { datasets: [{ name: 'long', kind: 'long', audio: fx.datasets.long.wav, maxSec: 30, sectionSec: 60 }] }), join(work, 'short-long'), { oracleDir: join(work, 'o1') });
    expect(short.outcomes[0]!.result.error?.message).toMatch(/shorter than one 60 s section/);
    const silence = join(work, 'silence.wav');
    await writeFile(silence, encodeWav16(new Float32Array(16000 * 70), 16000));
    const silent = await run(sweep(fx.stockDir, { datasets: [{ name: 'silent', kind: 'long', audio: silence, sectionSec: 60 }] }, 'encoder-model.onnx', 'decoder_joint-model.onnx'), join(work, 'silent'), { oracleDir: join(work, 'o2') });
    expect(silent.outcomes[0]!.result.status).toBe('failed');
    expect(silent.outcomes[0]!.result.error?.message).toMatch(/the oracle's transcript is empty in every section/);
  }, 120_000);

  it('a corpus whose references are all empty is a failed config with the reason (not a discarded result)', async () => {
    const manifest = join(work, 'empty-refs.jsonl');
    const audio = join(fx.datasets.short.dir, JSON.parse((await readFile(twoClips, 'utf8')).split('\n')[0]!).audio_filepath as string);
    await writeFile(manifest, `${JSON.stringify({ audio_filepath: audio, text: '' })}\n${JSON.stringify({ audio_filepath: audio, text: '...' })}\n`);
    const r = await run(sweep(fx.stockDir, { datasets: [{ name: 'empty', kind: 'manifest', manifest }] }), join(work, 'empty-refs'));
    expect(r.outcomes[0]!.result).toMatchObject({ status: 'failed', error: { phase: 'score' } });
    expect(r.outcomes[0]!.result.error?.message).toMatch(/all 2 references are empty after normalisation, so WER is undefined/);
  }, 60_000);

  it('checks the results directory is writable before any config runs', async () => {
    const file = join(work, 'a-file');
    await writeFile(file, 'x');
    await expect(run(sweep(fx.stockDir), join(file, 'results'))).rejects.toThrow(/results directory is not writable \((ENOTDIR|EEXIST)\); choose another --results/);
  });
});

describe('bench run exits with what happened', () => {
  async function sweepFile(name: string, manifest: string): Promise<string> {
    const file = join(work, `${name}.json`);
    const spec: SweepSpecInput = {
      variants: [{ id: 'int8', dir: fx.stockDir, encoderFile: 'encoder-model.int8.onnx', decoderFile: 'decoder_joint-model.int8.onnx', encoderPrecision: 'int8', decoderPrecision: 'int8' }],
      oracleVariant: 'int8',
      backends: [{ backend: 'node-cpu', threads: [1] }],
      decoders: [{ kind: 'greedy' }],
      datasets: [{ name, kind: 'manifest', manifest }],
    };
    await writeFile(file, JSON.stringify(spec));
    return file;
  }

  it('exits 1 when a config failed, 0 with --allow-failures, each after a count line', async () => {
    const manifest = join(work, 'missing-audio.jsonl');
    await writeFile(manifest, '{"audio_filepath":"gone.wav","text":"x"}\n');
    const config = await sweepFile('broken', manifest);
    const lines: string[] = [];
    const common = { config, cacheDir: join(work, 'cache'), output: logOutput((l) => lines.push(l)) };
    expect((await runBench({ ...common, resultsDir: join(work, 'exit-1') })).exitCode).toBe(1);
    expect(lines.join('\n')).toMatch(/1 configs: 0 ok, 0 unsupported, 1 failed\nbench run: exit 1 because a config failed/);
    expect((await runBench({ ...common, resultsDir: join(work, 'exit-0'), allowFailures: true })).exitCode).toBe(0);
  }, 60_000);

  it('stops on Ctrl-C with the count of finished and unrun configs (exit 130), and a rerun resumes', async () => {
    const config = await sweepFile('two', twoClips);
    const lines: string[] = [];
    const interrupt = new AbortController();
    interrupt.abort();
    const common = { config, cacheDir: join(work, 'cache'), resultsDir: join(work, 'interrupted'), output: logOutput((l) => lines.push(l)) };
    expect((await runBench({ ...common, signal: interrupt.signal })).exitCode).toBe(130);
    expect(lines.join('\n')).toMatch(/interrupted: 0 finished, 1 not run; rerun to resume/);
    expect((await runBench(common)).exitCode).toBe(0);
    expect((await readResultFile(join(work, 'interrupted', 'two__int8__node-cpu-t1__greedy.json'))).result?.status).toBe('ok');
  }, 60_000);
});
