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

describe('prepareReport options', () => {
  it('rescores every result in memory with --normalizer, leaving the files alone, and passes --compare-to on', async () => {
    const results = join(dir, 'results');
    const plain = await prepareReport(results);
    const exact = await prepareReport(results, { normalizer: 'none', compareTo: 'fp16' });
    expect([exact.rescoredWith, exact.compareTo]).toEqual(['none', 'fp16']);
    const ok = exact.latest.results.filter((r) => r.status === 'ok');
    expect(ok.every((r) => r.scoring?.normalizer === 'none' && r.accuracy?.werCi !== undefined)).toBe(true);
    // The samples were counted on the raw words: `none` reproduces them, `default` (markup and
    // punctuation to spaces) counts the hostile transcript differently; the stored files are unchanged.
    const stock = (i: typeof plain) => i.latest.results.find((r) => r.config.id === 'fleurs-fr--int8-stock--node-cpu-t2--greedy')!;
    expect(stock(exact).accuracy!.words).toEqual(stock(plain).accuracy!.words);
    expect(stock(await prepareReport(results, { normalizer: 'default' })).accuracy!.words).not.toEqual(stock(plain).accuracy!.words);
    expect(stock(await prepareReport(results)).scoring).toBeUndefined();
    const md = readFileSync((await writeReports({ results, outDir: join(dir, 'rescored'), formats: ['markdown'], normalizer: 'none' })).written[0]!, 'utf8');
    expect(md).toContain('Normaliser: none (rescored with none for this report; result files unchanged).');
  });

  it('refuses an unknown normaliser naming the valid ids', async () => {
    await expect(prepareReport(join(dir, 'results'), { normalizer: 'jiwer' })).rejects.toThrow(/unknown normalizer "jiwer"; valid ids: default, /);
  });
});

describe('parseFormats', () => {
  it('accepts registered formats and names the valid ones otherwise', () => {
    expect(parseFormats('png, markdown')).toEqual(['png', 'markdown']);
    expect(() => parseFormats('png,pdf')).toThrow('unknown report format "pdf"; use one or more of markdown, png, html');
    expect(() => parseFormats(' , ')).toThrow(/no report format given/);
  });
});
