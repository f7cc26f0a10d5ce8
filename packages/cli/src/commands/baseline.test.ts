import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fleursResult, longResult, writeResults } from '@parakeet-bench/gate/testing';
import { UsageError } from '../command.ts';
import { baselineCommand } from './baseline.ts';

describe('bench baseline', () => {
  beforeEach(() => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('update copies the results into the baseline directory and reports stale configs', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cli-baseline-'));
    await writeResults(join(root, 'latest'), [fleursResult()]);
    await writeResults(join(root, 'baseline'), [longResult()]);
    expect(await baselineCommand.run(['update', '--from', join(root, 'latest'), '--to', join(root, 'baseline')])).toBe(0);
    expect((await readdir(join(root, 'baseline'))).sort()).toEqual([
      'fleurs-fr__smoothquant-int8__node-cpu-t4__greedy.json',
      'jfk-long__smoothquant-int8__node-cpu-t4__greedy.json',
    ]);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('kept (use --prune to delete)'));
    expect(await baselineCommand.run(['update', '--from', join(root, 'latest'), '--to', join(root, 'baseline'), '--prune'])).toBe(0);
    expect(await readdir(join(root, 'baseline'))).toEqual(['fleurs-fr__smoothquant-int8__node-cpu-t4__greedy.json']);
  });

  it('requires the update action', async () => {
    await expect(baselineCommand.run([])).rejects.toThrow(new UsageError('expected the action "update", got none'));
    await expect(baselineCommand.run(['refresh'])).rejects.toThrow('expected the action "update", got "refresh"');
  });

  it('names a missing results directory', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cli-baseline-'));
    await expect(baselineCommand.run(['update', '--from', join(root, 'nope'), '--to', join(root, 'b')])).rejects.toThrow(/nope: no such results file or directory/);
  });
});
