import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSampleResults } from '@parakeet-bench/reports/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseBenchResult } from '@parakeet-bench/core';
import { UsageError } from '../command.ts';
import { rescoreCommand } from './rescore.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-rescore-'));
  await writeSampleResults(join(dir, 'results'));
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('bench rescore', () => {
  it('rescores a run in place with the chosen normaliser and says what it did', async () => {
    const run = join(dir, 'results', '2025-01-02-def456');
    expect(await rescoreCommand.run(['--normalizer', 'whisper-basic', '--results', run])).toBe(0);
    expect(console.log).toHaveBeenCalledWith('bench rescore: 10 results rescored with whisper-basic');
    expect(console.log).toHaveBeenCalledWith('bench rescore: 2 not ok (no scores): left unchanged');
    for (const f of (await readdir(run)).filter((n) => n.endsWith('.json'))) {
      const r = parseBenchResult(await readFile(join(run, f), 'utf8'), f);
      if (r.status === 'ok') expect(r.scoring).toEqual({ normalizer: 'whisper-basic' });
    }
  });

  it('refuses missing or unknown arguments as usage errors naming the fix', async () => {
    await expect(rescoreCommand.run(['--results', dir])).rejects.toThrow(/--normalizer <id> is required/);
    await expect(rescoreCommand.run(['--normalizer', 'none'])).rejects.toThrow(/--results <dir\|file> is required/);
    await expect(rescoreCommand.run(['--normalizer', 'jiwer', '--results', dir])).rejects.toThrow(UsageError);
    await expect(rescoreCommand.run(['--normalizer', 'jiwer', '--results', dir])).rejects.toThrow(/--normalizer: unknown normalizer "jiwer"; valid ids: default, whisper-basic, whisper-basic-remove-diacritics, open-asr-multilingual, open-asr-multilingual-legacy, none/);
  });
});
