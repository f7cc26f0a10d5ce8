import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInput, withStats, withTimes } from '../../test/sample-input.ts';
import type { ReportInput } from './reporter.ts';
import { escapeMarkdown, markdownReporter, renderMarkdown } from './markdown.ts';

let input: ReportInput;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ input, cleanup } = await sampleInput()));
afterAll(() => cleanup());

const section = (md: string, dataset: string) => md.split(`### ${dataset}\n`)[1]?.split('\n### ')[0] ?? '';
const rowOf = (md: string, ...parts: string[]) =>
  md.split('\n').find((l) => l.startsWith('|') && parts.every((p) => l.includes(`| ${p} |`)));

describe('markdown reporter', () => {
  it('heads the summary with the latest run and its status counts', () => {
    const md = renderMarkdown(input);
    expect(md).toMatch(/^## Parakeet ONNX benchmark — run def456\n/);
    expect(md).toContain('12 configs (10 ok, 1 failed, 1 unsupported)');
    expect(md).toContain('2 runs in history');
  });

  it('has one table per dataset with units on every number', () => {
    const md = renderMarkdown(input);
    expect(md).toContain('### fleurs-fr');
    expect(md).toContain('### jfk-390s');
    expect(md).toContain('| variant | backend | threads | decoder | WER | CER | RTFx | runtime | model | peak | worst section | status |');
    const stock = rowOf(section(md, 'jfk-390s'), 'int8-stock', 'node-cpu', '2 threads', 'greedy', '✅ ok');
    expect(stock).toBeDefined();
    // Values come from the sample's texts: stock int8 degrades after 120 s, worst in the last section.
    const cells = stock!.split('|').map((c) => c.trim());
    expect(cells[5]).toMatch(/^\d+\.\d\d %$/);
    expect(Number(cells[5]!.replace(' %', ''))).toBeGreaterThan(20);
    expect(cells[7]).toBe('21.3×');
    expect(cells.slice(8, 11)).toEqual(['200 MiB', '2,940 MiB', '4,900 MiB']);
    expect(cells[11]).toMatch(/^\d+\.\d\d % @ 6:00–6:30$/);
    const fp32 = rowOf(section(md, 'jfk-390s'), 'fp32', 'node-cpu', '2 threads', 'greedy');
    expect(fp32).toContain('| 0.00 % | 0.00 % |');
    expect(rowOf(section(md, 'fleurs-fr'), 'fp32', 'node-cpu', '2 threads', 'maes beam 4')).toBeDefined();
    expect(section(md, 'fleurs-fr')).not.toContain('worst section');
  });

  it('lists failed and unsupported configs with their errors, escaped', () => {
    const md = renderMarkdown(input);
    expect(md).toContain('**Not completed:**');
    expect(md).toContain('- fp16 · web-webgpu · auto threads · greedy — failed (load): adapter lacks shader-f16 &lt;swiftshader&gt;; rerun with --variants fp32 on this machine');
    expect(md).toMatch(/fp32 · web-wasm · 1 thread · greedy — unsupported \(load\): fp32 encoder needs the sharded export/);
  });

  it('shows the same memory for a config that reused a cached encoder output (no marker), and what each column means', () => {
    const results = input.latest.results.map((r, i) =>
      i === input.latest.results.findIndex((x) => x.memory) ? { ...r, decodeStats: { decoderCalls: 1, meanDecoderBatch: 1, featureCache: 'hit' as const, encoderCache: 'hit' as const } } : r,
    );
    const md = renderMarkdown({ ...input, latest: { ...input.latest, results } });
    expect(md).not.toMatch(/MiB \*|\* encoder output/);
    expect(md).toContain('Memory: runtime = resident set once the runtime is initialised and has run a trivial session');
  });

  it('says which results were written by schema 1 and shows their memory as not measured', () => {
    const results = input.latest.results.map((r) => (r.memory ? { ...r, memory: { source: 's', peakRssBytes: r.memory.peakRssBytes, legacy: { baselineRssBytes: 1, modelRssBytes: 1, peakExcludesEncoder: false } } } : r));
    const md = renderMarkdown({ ...input, latest: { ...input.latest, results } });
    expect(rowOf(section(md, 'jfk-390s'), 'int8-stock', 'node-cpu', '2 threads', 'greedy')).toContain('| 21.3× | – | – | – |');
    expect(section(md, 'jfk-390s')).toContain('5 results written by result schema 1 measured memory before the runtime/model split (–): rerun to measure them.');
  });

  it('has an encoder-fidelity table per variant (decoder configs share one) with each section', () => {
    const jfk = section(renderMarkdown(input), 'jfk-390s');
    expect(jfk).toContain('#### Encoder fidelity\n\n| variant | backend | vs | cosine | rel. L2 | worst section | joint agreement | §0 | §1 | §2 | §3 | §4 | §5 | §6 |');
    // Stock int8's sample damage (0, 0, 0.15, ... 0.8) as cosine 1 - damage / 2: worst in the last section.
    expect(jfk).toContain('| int8-stock | node-cpu · 2 threads | fp32 | 0.8250 | 0.5916 | 0.6000 @ 6:00–6:30 | 82.67 % | 1.0000 | 1.0000 | 0.9250 | 0.8250 | 0.7500 | 0.6750 | 0.6000 |');
    expect(jfk.match(/\n\| int8-smoothquant \| node-cpu · 2 threads \| fp32 \|/g)).toHaveLength(1);
    expect(jfk).toContain("Encoder output against the oracle variant's on the same audio");
    expect(section(renderMarkdown(input), 'fleurs-fr')).not.toContain('Encoder fidelity');
  });

  it('has a memory-against-length table for profiled configs', () => {
    const jfk = section(renderMarkdown(input), 'jfk-390s');
    expect(jfk).toContain('#### Memory against audio length\n\n| config | 60 s | 120 s | 240 s | 390 s |');
    expect(jfk).toMatch(/\| int8-stock · node-cpu · 2 threads · greedy \| [\d,]+ MiB \([\d,]+ MiB\) \|/);
  });

  it('lists unreadable files', () => {
    const md = renderMarkdown({ ...input, invalid: [{ file: 'results/x/bad.json', reason: 'results/x/bad.json: not valid JSON (oops)' }] });
    expect(md).toContain('### Unreadable result files\n\n- results/x/bad.json: not valid JSON (oops)');
  });

  it('escapes table-breaking and HTML characters', () => {
    expect(escapeMarkdown('a|b <img src=x>\n`c`')).toBe('a\\|b &lt;img src=x&gt; \\`c\\`');
  });

  it('shows each rate with its 95% interval, the normaliser, and the paired comparisons against the reference', () => {
    const md = renderMarkdown(withStats(input));
    expect(md).toContain('Normaliser: default.');
    const fleurs = section(md, 'fleurs-fr');
    const stock = rowOf(fleurs, 'int8-stock', 'node-cpu', '2 threads', 'greedy')!.split('|').map((c) => c.trim());
    expect(stock[5]).toMatch(/^\d+\.\d\d % \[\d+\.\d\d, \d+\.\d\d\]$/);
    expect(md).toContain('Paired comparisons: delta WER in points (candidate minus reference) over the same utterances');
    expect(fleurs).toContain('**Paired WER against the reference** (method in the heading above):');
    expect(fleurs).toMatch(/\n- node-cpu · 2 threads · greedy: int8-stock vs fp32: \+\d+\.\d\d pts \\\[[-+]?\d+\.\d\d, \+\d+\.\d\d\\\], p [=<] [\d.]+, (not )?significant; MAPSSWE p = [\d.]+/);
    expect(fleurs).toContain('- node-cpu · 2 threads · maes-b4: int8-smoothquant vs fp32: 0.00 pts \\[0.00, 0.00\\], p = 1.00, not significant; MAPSSWE p = 1.00');
    // Long pass: stock int8 degrades in 5 of 7 sections, far beyond noise.
    expect(section(md, 'jfk-390s')).toMatch(/- node-cpu · 2 threads · greedy: int8-stock vs fp32: \+\d+\.\d\d pts .*p &lt; 0\.001, significant/);
    expect(section(md, 'jfk-390s')).toContain('- web-wasm · 1 thread · greedy: int8-smoothquant vs fp32: not compared (jfk-390s--fp32--web-wasm-t1--greedy is unsupported: there are no scores to compare)');
    // The reference can be chosen when reporting; results without a recorded one say how.
    expect(renderMarkdown({ ...withStats(input), compareTo: 'int8-smoothquant' })).toContain('int8-stock vs int8-smoothquant:');
    expect(renderMarkdown(input)).toContain('5 configs name no reference variant (results written before `compareTo`): pass `--compare-to <variant>`');
  });

  it('adds word-start agreement with the oracle, and a strategy column when a long config ran chunked', () => {
    const timed = withTimes(input);
    const md = renderMarkdown(timed);
    const jfk = section(md, 'jfk-390s');
    expect(jfk).toContain('| variant | backend | threads | decoder | WER | CER | RTFx | runtime | model | peak | worst section | word start p50 / p95 | status |');
    const cell = (text: string, ...parts: string[]) => rowOf(text, ...parts)!.split('|').map((c) => c.trim());
    expect(cell(jfk, 'fp32', 'node-cpu', '2 threads', 'greedy')[12]).toBe('0 / 0 ms');
    expect(cell(jfk, 'int8-stock', 'node-cpu', '2 threads', 'greedy')[12]).toMatch(/^([1-9]\d+) \/ (2[0-4]\d) ms$/);
    const fleurs = section(md, 'fleurs-fr');
    // 80 ms late everywhere, except the hostile transcript whose shared words sit at other positions.
    expect(cell(fleurs, 'int8-stock', 'node-cpu', '2 threads', 'greedy')[11]).toMatch(/^80 \/ \d{3,} ms$/);
    expect(cell(fleurs, 'int8-smoothquant', 'node-cpu', '2 threads', 'greedy')[11]).toBe('0 / 0 ms');
    expect(cell(fleurs, 'fp32', 'node-cpu', '2 threads', 'greedy')[11]).toBe('–'); // the reference itself
    expect(md).toContain('Word start p50 / p95: median and 95th percentile of |word start − reference word start|');
    expect(renderMarkdown(input)).not.toContain('word start');

    const chunked = timed.latest.results.map((r) =>
      r.config.dataset === 'jfk-390s' && r.config.variant === 'int8-stock' ? { ...r, config: { ...r.config, longStrategy: { strategy: 'chunked' as const, windowSec: 60, overlapSec: 10 } } } : r,
    );
    const withChunked = section(renderMarkdown({ ...timed, latest: { ...timed.latest, results: chunked } }), 'jfk-390s');
    expect(withChunked).toContain('| variant | backend | threads | decoder | long strategy | WER |');
    expect(cell(withChunked, 'int8-stock', 'node-cpu')[5]).toBe('chunked 60 s / 10 s overlap');
    expect(cell(withChunked, 'fp32', 'node-cpu', '2 threads')[5]).toBe('single pass');
  });

  it('renders summary.md through the reporter map entry', async () => {
    const [file] = await markdownReporter.render(input);
    expect(file?.name).toBe('summary.md');
    expect(file?.data).toBe(renderMarkdown(input));
  });
});
