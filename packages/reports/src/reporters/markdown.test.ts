import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInput } from '../../test/sample-input.ts';
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
    expect(md).toContain('| variant | backend | threads | decoder | WER | CER | RTFx | peak RAM | worst section | status |');
    const stock = rowOf(section(md, 'jfk-390s'), 'int8-stock', 'node-cpu', '2 threads', 'greedy', '✅ ok');
    expect(stock).toBeDefined();
    // Values come from the sample's texts: stock int8 degrades after 120 s, worst in the last section.
    const cells = stock!.split('|').map((c) => c.trim());
    expect(cells[5]).toMatch(/^\d+\.\d\d %$/);
    expect(Number(cells[5]!.replace(' %', ''))).toBeGreaterThan(20);
    expect(cells[7]).toBe('21.3×');
    expect(cells[8]).toBe('5,100 MiB');
    expect(cells[9]).toMatch(/^\d+\.\d\d % @ 6:00–6:30$/);
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

  it('marks peak RAM measured without the encoder (encoder output from the tensor cache)', () => {
    const results = input.latest.results.map((r, i) =>
      i === input.latest.results.findIndex((x) => x.memory) ? { ...r, decodeStats: { decoderCalls: 1, meanDecoderBatch: 1, featureCache: 'hit' as const, encoderCache: 'hit' as const } } : r,
    );
    const md = renderMarkdown({ ...input, latest: { ...input.latest, results } });
    expect(md).toMatch(/\| \d[\d,]* MiB \* \|/);
    expect(md).toContain('* encoder output reused from the tensor cache');
    expect(renderMarkdown(input)).not.toContain('tensor cache');
  });

  it('lists unreadable files', () => {
    const md = renderMarkdown({ ...input, invalid: [{ file: 'results/x/bad.json', reason: 'results/x/bad.json: not valid JSON (oops)' }] });
    expect(md).toContain('### Unreadable result files\n\n- results/x/bad.json: not valid JSON (oops)');
  });

  it('escapes table-breaking and HTML characters', () => {
    expect(escapeMarkdown('a|b <img src=x>\n`c`')).toBe('a\\|b &lt;img src=x&gt; \\`c\\`');
  });

  it('renders summary.md through the reporter map entry', async () => {
    const [file] = await markdownReporter.render(input);
    expect(file?.name).toBe('summary.md');
    expect(file?.data).toBe(renderMarkdown(input));
  });
});
