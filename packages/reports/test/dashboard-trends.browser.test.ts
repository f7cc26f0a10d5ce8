/**
 * The trend charts in real headless Chromium: built from a history store of three nights, the
 * selected config's WER / RTFx / peak-RAM charts draw with their markers, and picking another config
 * in the selector redraws them and shows that config's events.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '@parakeet-bench/chromium';
import type { LaunchedChromium, Page } from '@parakeet-bench/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard } from '../src/write-reports.ts';
import { writeSampleHistory } from './sample-history.ts';

let dir = '';
let chromium: LaunchedChromium;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reports-trends-browser-'));
  const { store, baseline } = await writeSampleHistory(dir);
  const { written: [file] } = await buildDashboard({ results: store, baseline, outFile: join(dir, 'site', 'index.html') });
  chromium = await launchChromium();
  page = await chromium.browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
  await page.goto(pathToFileURL(file!).href, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __dashboardReady?: boolean }).__dashboardReady === true, { timeout: 15_000 });
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await rm(dir, { recursive: true, force: true });
});

/** What is drawn on the fleurs-fr trend canvases: chart id, legend and inked pixels. */
function drawn(): Promise<{ id: string; legend: string[]; inked: number }[]> {
  return page.evaluate(() => {
    const w = window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { legend?: { legendItems?: { text: string }[] } } | undefined } };
    return Array.from(document.querySelectorAll<HTMLCanvasElement>('canvas[data-trend-chart="fleurs-fr"]')).map((canvas) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 600) inked++;
      return { id: canvas.dataset['drawn'] ?? '', legend: w.Chart.getChart(canvas)?.legend?.legendItems?.map((l) => l.text) ?? [], inked };
    });
  });
}

const visibleEvents = () => page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('[data-trend-events^="fleurs-fr:"]')).filter((l) => !l.hidden).map((l) => l.innerText));

describe('trend charts in headless Chromium', () => {
  it('draws the watched config first, with interval, baseline and markers in the legend', async () => {
    expect(pageErrors).toEqual([]);
    const charts = await drawn();
    expect(charts.map((c) => c.id)).toEqual(['wer', 'rtfx', 'ram'].map((m) => `trend-fleurs-fr-fp32-node-cpu-t2-greedy-${m}`));
    for (const c of charts) expect(c.inked, c.id).toBeGreaterThan(1000);
    // Chart.js lists legend entries by drawing order: markers (on top) first, the interval (below) last.
    expect(charts[0]!.legend).toEqual(['gate failed', 'gate warned', 'environment changed', 'baseline taken here', 'WER', 'baseline (nightly-101)', 'WER 95% interval']);
    const events = await visibleEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatch(/nightly-103 \(2026-11-28\): gate failed/);
  });

  it('redraws for the config picked in the selector', async () => {
    expect(await page.$eval('select[data-trend-select="fleurs-fr"]', (s) => (s as HTMLSelectElement).value)).toBe('c0');
    await page.select('select[data-trend-select="fleurs-fr"]', 'c1');
    const charts = await drawn();
    expect(charts[0]!.id).not.toBe('trend-fleurs-fr-fp32-node-cpu-t2-greedy-wer');
    expect(charts[0]!.id).toMatch(/-wer$/);
    expect(charts[0]!.legend).not.toContain('gate failed');
    expect(await visibleEvents()).toHaveLength(1);
    expect(pageErrors).toEqual([]);
    if (process.env['DASHBOARD_SCREENSHOT']) {
      await page.select('select[data-trend-select="fleurs-fr"]', 'c0');
      await page.$eval('#trends-fleurs-fr', (el) => el.scrollIntoView());
      await page.screenshot({ path: process.env['DASHBOARD_SCREENSHOT'], fullPage: false });
    }
  });
});
