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

describe('bench run --memory-profile', () => {
  it('takes positive seconds; a bad list is a usage error naming the value, a bad order names the dataset', async () => {
    await expect(runCommand.run(['--memory-profile', '60,abc'])).rejects.toThrow('--memory-profile: "abc" is not a positive number of seconds');
    await expect(runCommand.run(['--memory-profile', '60,,120'])).rejects.toThrow('--memory-profile: "" is not a positive number of seconds');
    const unordered = runCommand.run(['--memory-profile', '120,60']);
    await expect(unordered).rejects.toThrow(UsageError);
    await expect(unordered).rejects.toThrow('dataset "fixture-long": memoryProfile.prefixSec must increase (120, 60: 60 s after 120 s)');
  }, 60_000);
});
