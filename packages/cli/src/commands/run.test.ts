import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../cli.ts';
import { UsageError } from '../command.ts';
import { runCommand } from './run.ts';

beforeAll(async () => {
  process.env['PARAKEET_BENCH_CACHE'] = await mkdtemp(join(tmpdir(), 'pb-cli-cache-'));
});

describe('bench run arguments', () => {
  it('rejects unknown variants and datasets, naming what exists', async () => {
    await expect(runCommand.run(['--variants', 'fp64'])).rejects.toThrow(/unknown variants: fp64 \(have: fp32, fp32-sharded, fp16, int8-stock, int8-smoothquant\)/);
    await expect(runCommand.run(['--datasets', 'librispeech'])).rejects.toThrow(/unknown datasets: librispeech/);
  }, 60_000);

  it('rejects bad numbers, --no-greedy without --beam, and bad shards', async () => {
    await expect(runCommand.run(['--beam', '0'])).rejects.toThrow(UsageError);
    await expect(runCommand.run(['--beam', 'x'])).rejects.toThrow(/--beam: "x" is not a non-negative integer/);
    const greedyOnly = join(await mkdtemp(join(tmpdir(), 'pb-sweep-')), 'sweep.json');
    await writeFile(
      greedyOnly,
      JSON.stringify({
        variants: [{ id: 'fp32', dir: 'm', encoderFile: 'e', decoderFile: 'd', encoderPrecision: 'fp32', decoderPrecision: 'fp32' }],
        oracleVariant: 'fp32',
        backends: [{ backend: 'node-cpu', threads: [1] }],
        decoders: [{ kind: 'greedy' }],
        datasets: [{ name: 'x', kind: 'manifest', manifest: 'x.jsonl' }],
      }),
    );
    await expect(runCommand.run(['--config', greedyOnly, '--no-greedy'])).rejects.toThrow(/--no-greedy needs --beam/);
    await expect(runCommand.run(['--shard', '3/2'])).rejects.toThrow(UsageError);
    await expect(runCommand.run(['--maes-gamma', 'abc', '--beam', '2'])).rejects.toThrow(/--maes-gamma/);
    // Values of the right type but outside the sweep schema fail before any worker starts, naming the field.
    await expect(runCommand.run(['--config', greedyOnly, '--beam', '2', '--maes-alpha', '1.5'])).rejects.toThrow(/decoders\[1\]\.prefixAlpha: .*int/);
    await expect(runCommand.run(['--config', greedyOnly, '--beam', '2', '--maes-steps', '0'])).rejects.toThrow(/decoders\[1\]\.numSteps/);
    await expect(runCommand.run(['--config', greedyOnly, '--beam', '2', '--maes-steps', '0'])).rejects.toThrow(UsageError);
    await expect(runCommand.run(['--run-id', 'a b'])).rejects.toThrow(/--run-id "a b"/);
    await expect(runCommand.run(['--normalizer', 'jiwer'])).rejects.toThrow(/--normalizer: unknown normalizer "jiwer"; valid ids: default, whisper-basic/);
    await expect(runCommand.run(['--compare-to', 'fp64'])).rejects.toThrow(/with the command-line overrides: compareTo "fp64" is not one of the variants \(fp32, fp32-sharded, fp16, int8-stock, int8-smoothquant\)/);
    await expect(runCommand.run(['--language', 'french!'])).rejects.toThrow(/language codes look like fr, pt_br, en-US/);
    await expect(runCommand.run(['--long-strategy', 'sliding'])).rejects.toThrow(/--long-strategy "sliding": expected single, chunked, or chunked:<windowSec>:<overlapSec>/);
    await expect(runCommand.run(['--long-strategy', 'chunked:60:40'])).rejects.toThrow(/longStrategies\[0\]\.overlapSec: overlapSec must be at most half of windowSec/);
    await expect(runCommand.run(['--long-strategy', 'chunked:60:40'])).rejects.toThrow(UsageError);
  }, 60_000);

  it('rejects bad --batch values, naming the flag and an example', async () => {
    await expect(runCommand.run(['--batch', '0'])).rejects.toThrow('--batch: batch sizes must be at least 1 (got 0), e.g. --batch 1,8,16');
    await expect(runCommand.run(['--batch', '8,x'])).rejects.toThrow('--batch: "x" is not a non-negative integer');
    await expect(runCommand.run(['--batch', ','])).rejects.toThrow('--batch: give at least one batch size, e.g. --batch 1,8,16');
    await expect(runCommand.run(['--batch', '1,8,8'])).rejects.toThrow(/built-in fixture sweep with the command-line overrides: batchSize lists 8 more than once; list each batch size once/);
    await expect(runCommand.run(['--batch', '1000'])).rejects.toThrow(/batchSize\[0\]: batch sizes are whole numbers from 1 to 256/);
    await expect(runCommand.run(['--batch', '1000'])).rejects.toThrow(UsageError);
  }, 60_000);

  it('exits 2 on a sweep file with a misspelled field, naming it and the field it meant', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'pb-sweep-')), 'sweep.json');
    await writeFile(file, JSON.stringify({ variants: [], oracleVariant: 'x', backends: [], decoders: [{ kind: 'greedy' }], datasets: [], timeoutSecs: 60 }));
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m: unknown) => void errors.push(String(m)));
    try {
      expect(await main(['run', '--config', file])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(errors.join('\n')).toMatch(/unknown field "timeoutSecs" \(did you mean "timeoutSec"\?\)/);
  });

  it('names a missing sweep file', async () => {
    await expect(runCommand.run(['--config', '/nonexistent/sweep.json'])).rejects.toThrow(/\/nonexistent\/sweep.json: cannot read sweep file/);
  });

  it('prints usage with exit code 2 for unknown options and commands', async () => {
    expect(await main(['run', '--frobnicate'])).toBe(2);
    expect(await main(['frobnicate'])).toBe(2);
    expect(await main(['help'])).toBe(0);
  });
});

describe('bench run --shard', () => {
  it('refuses --shard-costs without --shard and a costs file that is not one, naming it', async () => {
    await expect(runCommand.run(['--shard-costs', 'costs.json'])).rejects.toThrow(new UsageError('--shard-costs balances shards: give --shard i/n with it'));
    const file = join(await mkdtemp(join(tmpdir(), 'pb-costs-')), 'costs.json');
    await writeFile(file, JSON.stringify({ configs: {} }));
    await expect(runCommand.run(['--shard', '1/2', '--shard-costs', file])).rejects.toThrow(/costs\.json: not a shard costs file: .*write it with `bench history costs --store <history>/s);
  });

  it('splits the sweep into disjoint shards that keep decoder configs of a group together', async () => {
    const { mkdtemp: mk, readdir: ls } = await import('node:fs/promises');
    const seen: string[][] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const results = await mk(join(tmpdir(), 'pb-shard-'));
      // --datasets limits the real work to the short corpus: 5 variants x 2 decoders
      expect(await runCommand.run(['--datasets', 'fixture-short', '--shard', shard, '--results', results, '--no-cache'])).toBe(0);
      seen.push((await ls(results)).filter((f) => f.endsWith('.json')).sort());
    }
    const all = seen.flat();
    expect(all).toHaveLength(10);
    expect(new Set(all).size).toBe(10);
    for (const files of seen) {
      const groups = new Set(files.map((f) => f.split('__').slice(0, 3).join('__')));
      expect(files.length).toBe(groups.size * 2);
    }
  }, 180_000);
});

describe('bench run --model-dir', () => {
  it('sweeps every variant found in a model directory over a manifest given on the command line', async () => {
    const { ensureFixture } = await import('@parakeet-bench/fixture');
    const { readdir: ls } = await import('node:fs/promises');
    const fx = await ensureFixture(process.env['PARAKEET_BENCH_CACHE']);
    const results = await mkdtemp(join(tmpdir(), 'pb-quick-'));
    expect(await runCommand.run(['--model-dir', fx.stockDir, '--manifest', fx.datasets.short.manifest, '--results', results, '--no-cache'])).toBe(0);
    expect((await ls(results)).filter((f) => f.endsWith('.json')).sort()).toEqual([
      'fixture-short__fp16__node-cpu-t0__greedy.json',
      'fixture-short__fp32-sharded__node-cpu-t0__greedy.json',
      'fixture-short__fp32__node-cpu-t0__greedy.json',
      'fixture-short__int8__node-cpu-t0__greedy.json',
    ]);
  }, 120_000);

  it('refuses mixed or incomplete quick options', async () => {
    await expect(runCommand.run(['--config', 'x.json', '--model-dir', 'm'])).rejects.toThrow(/either --config or --model-dir/);
    await expect(runCommand.run(['--manifest', 'm.jsonl'])).rejects.toThrow(/go with --model-dir/);
    await expect(runCommand.run(['--model-dir', '/nonexistent/model'])).rejects.toThrow(/no encoder-model\*\.onnx/);
  });
});
