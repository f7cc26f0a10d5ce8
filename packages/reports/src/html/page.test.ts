import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInput, withStats, withTimes } from '../../test/sample-input.ts';
import type { ReportInput } from '../reporters/reporter.ts';
import { renderDashboard } from './page.ts';

let input: ReportInput;
let cleanup: () => Promise<void>;
let html = '';
beforeAll(async () => {
  ({ input, cleanup } = await sampleInput());
  html = await renderDashboard(input);
});
afterAll(() => cleanup());

describe('renderDashboard', () => {
  it('inlines Chart.js and references nothing external', () => {
    expect(html).toContain('Chart.js v4');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).toContain("default-src 'none'");
  });

  it('escapes hostile transcripts everywhere they appear', () => {
    // Only the dashboard's own three <script> elements exist; the transcript's never becomes markup.
    expect(html.match(/<script/gi)).toHaveLength(3);
    expect(html.match(/<\/script>/gi)).toHaveLength(3);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;window.__pwned');
    expect(html).toContain('onerror=&quot;window.__pwned');
  });

  it('embeds chart data that cannot break out of its script element', () => {
    const data = html.split('<script type="application/json" id="dashboard-data">')[1]!.split('</script>')[0]!;
    expect(data).not.toMatch(/[<\u2028\u2029]/);
    const parsed = JSON.parse(data) as { charts: { id: string }[] };
    expect(parsed.charts.map((c) => c.id)).toContain('jfk-390s-section-wer');
  });

  it('shows the precision x backend x beam matrix, section table, failures and history', () => {
    expect(html).toContain('<caption>Precision × backend × beam</caption>');
    expect(html).toContain('<th>node-cpu · 2 threads · maes beam 4</th>');
    expect(html).toContain('<caption>Per-section WER vs the fp32 oracle</caption>');
    expect(html).toMatch(/<td class="num bad">80\.00 %<\/td>/);
    expect(html).toContain('adapter lacks shader-f16 &lt;swiftshader&gt;');
    expect(html).toContain('<caption>Runs (oldest first)</caption>');
    expect(html.indexOf('<td>abc123</td>')).toBeLessThan(html.indexOf('<td>def456</td>'));
  });

  it('marks substitutions, deletions and insertions in aligned diffs', () => {
    expect(html).toContain('<h3>Worst utterances</h3>');
    expect(html).toMatch(/class="tok sub" title="substitute"><span>[^<]+<\/span><span>uh<\/span><b>S<\/b>/);
    expect(html).toMatch(/class="tok ins" title="insert"><span><i>∅<\/i><\/span>/);
  });
});

describe('renderDashboard with intervals and comparisons', () => {
  it('draws 95% intervals as error bars on the WER/CER chart and adds a comparison table per dataset', async () => {
    const page = await renderDashboard(withStats(input), '/* chart.js */');
    const data = JSON.parse(page.split('<script type="application/json" id="dashboard-data">')[1]!.split('</script>')[0]!) as {
      charts: { id: string; config: { data: { datasets: { label: string; data: unknown[]; stack?: string }[] }; options: { scales: { x: { stacked?: boolean } } } } }[];
    };
    const chart = data.charts.find((c) => c.id === 'jfk-390s-wer-cer')!.config;
    // A bar sharing its stack with the interval must be drawn from 0, not stacked on top of it.
    expect(chart.options.scales.x.stacked).toBe(false);
    const bars = chart.data.datasets;
    expect(bars.map((d) => [d.label, d.stack])).toEqual([
      ['WER 95% interval', 'wer'], ['CER 95% interval', 'cer'], ['WER (%)', 'wer'], ['CER (%)', 'cer'],
    ]);
    const wer = bars[2]!.data as number[];
    const interval = bars[0]!.data as [number, number][];
    wer.forEach((w, i) => expect(interval[i]![0] <= w && w <= interval[i]![1]).toBe(true));
    expect(page.match(/<caption>Paired WER against the reference<\/caption>/g)).toHaveLength(2);
    expect(page).toContain('<dt>95%</dt><dd>[');
    // Diffs align what the default normaliser scored: the hostile markup is words, shown raw beside.
    expect(page).toContain('(aligned after default normalisation)');
    expect(page).toContain('<b>HYP raw</b> le &lt;script&gt;window.__pwned');
  });

  it('draws the chart without error bars for results that carry no interval', () => {
    const data = html.split('<script type="application/json" id="dashboard-data">')[1]!.split('</script>')[0]!;
    expect(data).not.toContain('95% interval');
  });
});

describe('renderDashboard with word timestamps', () => {
  it('charts the per-section word-start drift and tabulates the agreement per config', async () => {
    const page = await renderDashboard(withTimes(input), '/* chart.js */');
    const data = JSON.parse(page.split('<script type="application/json" id="dashboard-data">')[1]!.split('</script>')[0]!) as { charts: { id: string }[] };
    expect(data.charts.map((c) => c.id)).toContain('jfk-390s-section-word-start');
    expect(page).toContain('<caption>Word-start agreement (ms)</caption>');
    // Stock int8's late sections drift past two frames and are flagged; fp32 agrees exactly.
    expect(page).toMatch(/int8-stock · node-cpu · 2 threads · greedy<\/th><td>the fp32 oracle transcribing each section alone<\/td><td class="num">\d+<\/td><td class="num">\d+ \/ \d+ ms<\/td><td class="num">0<\/td>.*<td class="num bad">240<\/td><\/tr>/);
    expect(page).toMatch(/fp32 · node-cpu · 2 threads · greedy<\/th><td>the fp32 oracle transcribing each section alone<\/td><td class="num">\d+<\/td><td class="num">0 \/ 0 ms<\/td>/);
    expect(html).not.toContain('Word-start agreement');
  });
});
