/**
 * Opens the generated dashboard in real headless Chromium: charts draw, no request leaves the page, and
 * a hostile transcript stays text.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '@parakeet-bench/chromium';
import type { LaunchedChromium, Page } from '@parakeet-bench/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard } from '../src/write-reports.ts';
import { writeSampleResults } from './sample-results.ts';

let dir = '';
let chromium: LaunchedChromium;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];
let pageUrl = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reports-browser-'));
  await writeSampleResults(join(dir, 'results'));
  const { written: [file] } = await buildDashboard({ results: join(dir, 'results'), outFile: join(dir, 'dashboards', 'index.html') });
  pageUrl = pathToFileURL(file!).href;
  chromium = await launchChromium();
  page = await chromium.browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.url() !== pageUrl) requests.push(req.url());
    // Abort anything but the page itself, so a leak would also fail loudly instead of hanging.
    void (req.url() === pageUrl ? req.continue() : req.abort());
  });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __dashboardReady?: boolean }).__dashboardReady === true, { timeout: 15_000 });
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('dashboard in headless Chromium', () => {
  it('makes no network requests and logs no errors', () => {
    expect(requests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('draws every chart with its legend', async () => {
    const charts = await page.evaluate(() => {
      const w = window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { legend?: { legendItems?: { text: string }[] } } | undefined } };
      return Array.from(document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')).map((canvas) => {
        const chart = w.Chart.getChart(canvas);
        const ctx = canvas.getContext('2d')!;
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const colours = new Set<number>();
        let inked = 0;
        for (let i = 0; i < data.length; i += 4) {
          colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
          if (data[i]! + data[i + 1]! + data[i + 2]! < 600) inked++;
        }
        return {
          id: canvas.dataset['chart'],
          width: canvas.width,
          legend: chart?.legend?.legendItems?.map((i) => i.text) ?? [],
          colours: colours.size,
          inked,
        };
      });
    });
    expect(charts.map((c) => c.id).sort()).toEqual([
      'fleurs-fr-peak-ram', 'fleurs-fr-rtfx-vs-wer', 'fleurs-fr-wer-cer', 'fleurs-fr-wer-history',
      'jfk-390s-encoder-fidelity', 'jfk-390s-memory-profile',
      'jfk-390s-peak-ram', 'jfk-390s-rtfx-vs-wer', 'jfk-390s-section-wer', 'jfk-390s-wer-cer', 'jfk-390s-wer-history',
    ]);
    const profile = charts.find((c) => c.id === 'jfk-390s-memory-profile')!;
    expect(profile.legend).toContain('browser: largest single buffer / fetch (2 GiB - 2 MiB)');
    expect(profile.legend).toContain('browser: wasm32 heap (4 GiB)');
    expect(profile.legend).toContain('int8-smoothquant · web-wasm · 1 thread · greedy');
    expect(charts.find((c) => c.id === 'jfk-390s-encoder-fidelity')!.legend).toEqual(['fp16 · node-cpu · 2 threads', 'int8-smoothquant · node-cpu · 2 threads', 'int8-stock · node-cpu · 2 threads']);
    for (const c of charts) {
      expect(c.width, c.id).toBeGreaterThan(300);
      expect(c.colours, c.id).toBeGreaterThan(20);
      expect(c.inked, c.id).toBeGreaterThan(1000);
    }
    const section = charts.find((c) => c.id === 'jfk-390s-section-wer')!;
    expect(section.legend).toContain('int8-stock · node-cpu · 2 threads · greedy');
    expect(section.legend).toContain('fp32 · node-cpu · 2 threads · greedy');
    expect(charts.find((c) => c.id === 'fleurs-fr-wer-cer')!.legend).toEqual(['WER (%)', 'CER (%)']);
  });

  it('shows a hostile transcript as text without executing it', async () => {
    const probe = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      images: document.images.length,
      scripts: document.scripts.length,
      text: document.body.innerText,
    }));
    expect(probe.pwned).toBeUndefined();
    expect(probe.images).toBe(0);
    expect(probe.scripts).toBe(3);
    expect(probe.text).toContain('<script>window.__pwned');
    expect(probe.text).toContain('</script><img');
  });

  it('renders a screenshot', async () => {
    const shot = join(dir, 'dashboard.png');
    await page.screenshot({ path: shot, fullPage: false });
    expect(existsSync(shot)).toBe(true);
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    if (process.env['DASHBOARD_SCREENSHOT']) await page.screenshot({ path: process.env['DASHBOARD_SCREENSHOT'], fullPage: true });
  });
});
