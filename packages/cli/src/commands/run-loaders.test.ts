import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../command.ts';
import { runCommand } from './run.ts';

beforeAll(async () => {
  process.env['PARAKEET_BENCH_CACHE'] = await mkdtemp(join(tmpdir(), 'pb-cli-cache-'));
});

describe('bench run --loaders', () => {
  it('is a usage error without a browser backend, or with a loader that does not exist', async () => {
    await expect(runCommand.run(['--loaders', 'stream'])).rejects.toThrow(/--loaders applies to the browser backends; add --backends web-wasm/);
    const bad = runCommand.run(['--backends', 'web-wasm', '--loaders', 'stream,mmap']);
    await expect(bad).rejects.toThrow(UsageError);
    await expect(bad).rejects.toThrow(/invalid sweep[\s\S]*loaders\[1\]/);
  }, 60_000);
});

describe('bench run --fixture', () => {
  it('knows only the big sweep, which replaces a sweep file or model dir', async () => {
    await expect(runCommand.run(['--fixture', 'tiny'])).rejects.toThrow(/--fixture: "tiny" is not a fixture sweep \(big\)/);
    await expect(runCommand.run(['--fixture', 'big', '--config', 'sweep.json'])).rejects.toThrow(/--fixture big replaces the sweep: give it without --config and --model-dir/);
  });
});
