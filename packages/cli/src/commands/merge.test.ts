import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fleursResult, longResult, writeResults } from '@parakeet-bench/gate/testing';
import { UsageError } from '../command.ts';
import { mergeCommand } from './merge.ts';

describe('bench merge', () => {
  beforeEach(() => void vi.spyOn(console, 'log').mockImplementation(() => {}));
  afterEach(() => vi.restoreAllMocks());

  it('merges shard directories into --out', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cli-merge-'));
    await writeResults(join(root, 'shard-1'), [fleursResult()]);
    await writeResults(join(root, 'shard-2'), [longResult()]);
    expect(await mergeCommand.run([join(root, 'shard-1'), join(root, 'shard-2'), '--out', join(root, 'merged')])).toBe(0);
    expect((await readdir(join(root, 'merged'))).length).toBe(2);
    expect(console.log).toHaveBeenCalledWith(`bench merge: 2 configs in ${join(root, 'merged')} (2 written)`);
  });

  it('refuses a conflicting duplicate', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cli-merge-'));
    await writeResults(join(root, 'shard-1'), [fleursResult()]);
    await writeResults(join(root, 'shard-2'), [fleursResult({ rtfx: 30 })]);
    await expect(mergeCommand.run([join(root, 'shard-1'), join(root, 'shard-2'), '--out', join(root, 'm')])).rejects.toThrow(/has different results in/);
  });

  it('requires --out and at least one directory', async () => {
    await expect(mergeCommand.run(['a'])).rejects.toThrow(new UsageError('--out <dir> is required'));
    await expect(mergeCommand.run(['--out', 'x'])).rejects.toThrow('give at least one shard result directory');
  });
});
