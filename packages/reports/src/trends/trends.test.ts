import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_NIGHTS, WATCHED, writeSampleHistory } from '../../test/sample-history.ts';
import type { ReportInput } from '../reporters/reporter.ts';
import { prepareReport } from '../write-reports.ts';
import { renderDashboard } from '../html/page.ts';
import { configTrends, trendNights } from './trend-data.ts';
import { trendCharts } from './trend-charts.ts';

let dir = '';
let input: ReportInput;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reports-trends-'));
  const { store, baseline } = await writeSampleHistory(dir);
  input = await prepareReport(store, { baseline });
}, 30_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Chart ids are slugs of the config id. */
const TREND_ID = 'trend-fleurs-fr-fp32-node-cpu-t2-greedy';
type Dataset = { label: string; type: string; data: unknown[]; pointStyle?: string };
const datasetsOf = (spec: { config: unknown }) => (spec.config as { data: { datasets: Dataset[]; labels: unknown[] } }).data;

describe('trends over the nights of a history store', () => {
  it('reads the nights of the store with their gate verdicts, and the baseline', () => {
    expect(input.runs.map((r) => r.label)).toEqual(SAMPLE_NIGHTS.map((n) => n.runId));
    expect([...input.nights!.values()].map((n) => n.gate?.verdict ?? null)).toEqual([null, 'warn', 'fail']);
    expect(input.baseline?.every((b) => b.runLabel === 'nightly-101')).toBe(true);
  });

  it('aligns each config on the nights, with gate verdicts, environment changes and the baseline night', () => {
    const trends = configTrends('fleurs-fr', input.runs, input.nights!, input.baseline);
    const watched = trends.find((t) => t.configId === WATCHED)!;
    expect(watched.points.map((p) => p.gate ?? null)).toEqual([null, 'warn', 'fail']);
    expect(watched.points.map((p) => p.envChanges)).toEqual([[], [], ['runtimeVersion 1.30.0 → 1.31.0']]);
    expect(watched.points.map((p) => p.baselineNight)).toEqual([true, false, false]);
    expect(watched.baseline?.config.id).toBe(WATCHED);
    expect(trendNights(input.runs, input.nights!).labels).toEqual([['2026-11-26', 'nightly-101'], ['2026-11-27', 'nightly-102'], ['2026-11-28', 'nightly-103']]);
  });

  it('charts WER with its interval, RTFx and peak RAM, the baseline dashed and the marked nights as their own series', () => {
    const trends = configTrends('fleurs-fr', input.runs, input.nights!, input.baseline);
    const watched = trends.find((t) => t.configId === WATCHED)!;
    const [wer, rtfx, ram] = trendCharts(watched, trendNights(input.runs, input.nights!));
    const series = datasetsOf(wer!).datasets;
    expect(series.map((d) => d.label)).toEqual(['WER', 'WER 95% interval', 'baseline (nightly-101)', 'gate failed', 'gate warned', 'environment changed', 'baseline taken here']);
    const werLine = series[0]!.data as number[];
    expect(werLine[0]).toBe(0);
    expect(werLine[2]!).toBeGreaterThan(werLine[1]!);
    (series[1]!.data as [number, number][]).forEach(([lo, hi], i) => expect(lo <= werLine[i]! && werLine[i]! <= hi).toBe(true));
    expect(series.find((d) => d.label === 'gate failed')!.data).toEqual([null, null, werLine[2]]);
    expect(series.find((d) => d.label === 'environment changed')!.data).toEqual([null, null, werLine[2]]);
    expect(series[2]!.data).toEqual([0, 0, 0]);
    expect(datasetsOf(rtfx!).datasets[0]!.data).toEqual([11, 9, 7]);
    expect(datasetsOf(ram!).datasets[0]!.data).toEqual([9100, 9100, 9100]);
    expect([wer, rtfx, ram].map((c) => c!.id)).toEqual([`${TREND_ID}-wer`, `${TREND_ID}-rtfx`, `${TREND_ID}-ram`]);
  });

  it('puts a trend block per dataset on the dashboard, showing first the config the newest gate failed', async () => {
    const html = await renderDashboard(input, '/* chart.js */');
    expect(html).toContain('<h3>Trends over 3 nights</h3>');
    expect(html).toMatch(/<option value="c\d+" selected>fp32 · node-cpu · 2 threads · greedy — gate fail<\/option>/);
    expect(html).toContain('gate <b class="verdict-fail">FAIL</b> (1 fail, 0 warn)');
    expect(html).toContain('<b>nightly-103 (2026-11-28)</b>: environment changed: runtimeVersion 1.30.0 → 1.31.0');
    expect(html).toContain('<b>nightly-101 (2026-11-26)</b>: the current baseline was taken from this night');
    const data = JSON.parse(html.split('<script type="application/json" id="dashboard-data">')[1]!.split('</script>')[0]!) as { trends: Record<string, { selected: string; configs: Record<string, { id: string }[]> }> };
    expect(Object.keys(data.trends).sort()).toEqual(['fleurs-fr', 'jfk-390s']);
    const fleurs = data.trends['fleurs-fr']!;
    expect(fleurs.configs[fleurs.selected]!.map((c) => c.id)).toEqual([`${TREND_ID}-wer`, `${TREND_ID}-rtfx`, `${TREND_ID}-ram`]);
  });

  it('names an unusable baseline', async () => {
    await expect(prepareReport(join(dir, 'store'), { baseline: join(dir, 'nope') })).rejects.toThrow(/--baseline: .*nope: no such results file or directory/);
  });
});
