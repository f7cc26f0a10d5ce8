import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSampleResults } from '@parakeet-bench/reports/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../command.ts';
import { dashboardCommand } from './dashboard.ts';
import { reportCommand } from './report.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-report-'));
  await writeSampleResults(join(dir, 'results'));
  await writeFile(join(dir, 'results', 'broken.json'), '{');
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('bench report', () => {
  it('writes the requested formats into --out and warns about unreadable files', async () => {
    const out = join(dir, 'charts');
    expect(await reportCommand.run(['--results', join(dir, 'results'), '--out', out, '--format', 'markdown'])).toBe(0);
    expect(readdirSync(out)).toEqual(['summary.md']);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('broken.json: not valid JSON');
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/bench report: skipped .*broken\.json: not valid JSON/));
  });

  it('rescores in memory with --normalizer and compares with --compare-to', async () => {
    const out = join(dir, 'charts-none');
    expect(await reportCommand.run(['--results', join(dir, 'results'), '--out', out, '--format', 'markdown', '--normalizer', 'none', '--compare-to', 'fp32'])).toBe(0);
    const md = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(md).toContain('(rescored with none for this report; result files unchanged)');
    expect(md).toMatch(/- node-cpu · 2 threads · greedy: int8-stock vs fp32: \+\d+\.\d\d pts/);
  });

  it('rejects an unknown format or normaliser as a usage error', async () => {
    await expect(reportCommand.run(['--normalizer', 'whisper'])).rejects.toThrow(/--normalizer: unknown normalizer "whisper"; valid ids: default/);
    await expect(reportCommand.run(['--format', 'pdf'])).rejects.toThrow(UsageError);
    await expect(reportCommand.run(['--bogus'])).rejects.toThrow(UsageError);
  });
});

describe('bench dashboard', () => {
  it('writes one html file at --out', async () => {
    const out = join(dir, 'dashboards', 'index.html');
    expect(await dashboardCommand.run(['--results', join(dir, 'results'), '--out', out])).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('names a missing results directory', async () => {
    await expect(dashboardCommand.run(['--results', join(dir, 'nope'), '--out', join(dir, 'x.html')])).rejects.toThrow(
      /nope: no such results file or directory; run `bench run` first/,
    );
  });
});
