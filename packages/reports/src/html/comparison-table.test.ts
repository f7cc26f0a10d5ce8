import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInput, withStats } from '../../test/sample-input.ts';
import { byDataset } from '../order.ts';
import type { ReportInput } from '../reporters/reporter.ts';
import { comparisonTable } from './comparison-table.ts';

let input: ReportInput;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ input, cleanup } = await sampleInput()));
afterAll(() => cleanup());

const rows = (html: string) => [...html.matchAll(/<tr( class="[^"]*")?><td>([^<]+)<\/td><th scope="row">([^<]+)<\/th><td>([^<]+)<\/td>(.*?)<\/tr>/g)].map((m) => ({ cls: m[1] ?? '', setting: m[2], variant: m[3], vs: m[4], cells: m[5]! }));

describe('comparisonTable', () => {
  it('lists each config against the reference of its setting, flagging significant rises', () => {
    const jfk = byDataset(withStats(input).latest.results).get('jfk-390s')!;
    const html = comparisonTable(jfk, undefined);
    expect(html).toContain('<caption>Paired WER against the reference</caption>');
    const r = rows(html);
    expect(r.map((x) => `${x.setting} ${x.variant} vs ${x.vs}`)).toEqual([
      'node-cpu · 2 threads · greedy fp16 vs fp32',
      'node-cpu · 2 threads · greedy int8-smoothquant vs fp32',
      'web-wasm · 1 thread · greedy int8-smoothquant vs fp32',
      'node-cpu · 2 threads · greedy int8-stock vs fp32',
    ]);
    const stock = r.find((x) => x.variant === 'int8-stock')!;
    expect(stock.cls).toBe(' class="sig-worse"');
    expect(stock.cells).toMatch(/^<td class="num">\+\d+\.\d\d<\/td><td class="num">\[\+\d+\.\d\d, \+\d+\.\d\d\]<\/td><td class="num">p &lt; 0\.001<\/td><td>worse<\/td><td class="num">p &lt; 0\.001<\/td>$/);
    expect(r.find((x) => x.variant === 'fp16')!.cells).toContain('<td>no significant difference</td>');
    expect(r[2]!.cells).toBe('<td colspan="5">not compared: jfk-390s--fp32--web-wasm-t1--greedy is unsupported: there are no scores to compare</td>');
  });

  it('takes the reference given when reporting, and says when results name none', () => {
    const fleurs = byDataset(input.latest.results).get('fleurs-fr')!;
    expect(comparisonTable(fleurs, undefined)).toBe('<p class="meta">5 config(s) name no reference variant (results written before <code>compareTo</code>): build with <code>--compare-to &lt;variant&gt;</code>.</p>');
    expect(rows(comparisonTable(fleurs, 'int8-smoothquant')).map((x) => x.variant)).toEqual(['fp32', 'fp32', 'int8-stock']);
  });
});
