import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
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
    await expect(runCommand.run(['--no-greedy'])).rejects.toThrow(/--no-greedy needs --beam/);
    await expect(runCommand.run(['--shard', '3/2'])).rejects.toThrow(UsageError);
    await expect(runCommand.run(['--maes-gamma', 'abc', '--beam', '2'])).rejects.toThrow(/--maes-gamma/);
  }, 60_000);

  it('names a missing sweep file', async () => {
    await expect(runCommand.run(['--config', '/nonexistent/sweep.json'])).rejects.toThrow(/\/nonexistent\/sweep.json: cannot read sweep file/);
  });

  it('prints usage with exit code 2 for unknown options and commands', async () => {
    expect(await main(['run', '--frobnicate'])).toBe(2);
    expect(await main(['frobnicate'])).toBe(2);
    expect(await main(['help'])).toBe(0);
  });
});
