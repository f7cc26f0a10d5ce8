import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFormats } from './reporters/index.ts';
import { writeSampleResults } from '../test/sample-results.ts';
import { buildDashboard, prepareReport, writeReports } from './write-reports.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reports-write-'));
  await writeSampleResults(join(dir, 'results'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('writeReports / buildDashboard', () => {
  it('writes the chosen formats only', async () => {
    const { written } = await writeReports({ results: join(dir, 'results'), outDir: join(dir, 'charts'), formats: ['markdown'] });
    expect(written).toEqual([join(dir, 'charts', 'summary.md')]);
    expect(readFileSync(written[0]!, 'utf8')).toContain('### jfk-390s');
  });

  it('writes the dashboard to the given .html path and refuses other names', async () => {
    const out = join(dir, 'dash', 'nested', 'index.html');
    expect((await buildDashboard({ results: join(dir, 'results'), outFile: out })).written).toEqual([out]);
    expect(existsSync(out)).toBe(true);
    await expect(buildDashboard({ results: join(dir, 'results'), outFile: join(dir, 'dash') })).rejects.toThrow(
      /dashboard output .*dash must be an \.html file, e\.g\. dashboards\/index\.html/,
    );
  });

  it('refuses an empty or all-invalid results directory, naming it and the fix', async () => {
    const empty = join(dir, 'empty');
    await mkdir(empty);
    await expect(prepareReport(empty)).rejects.toThrow(/no valid result files in .*empty; run `bench run` first/);
    await writeFile(join(empty, 'x.json'), '[]');
    await expect(prepareReport(empty)).rejects.toThrow(/1 unreadable, e\.g\. .*x\.json: an empty JSON array holds no result/);
  });
});

describe('parseFormats', () => {
  it('accepts registered formats and names the valid ones otherwise', () => {
    expect(parseFormats('png, markdown')).toEqual(['png', 'markdown']);
    expect(() => parseFormats('png,pdf')).toThrow('unknown report format "pdf"; use one or more of markdown, png, html');
    expect(() => parseFormats(' , ')).toThrow(/no report format given/);
  });
});
