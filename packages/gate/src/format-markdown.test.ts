import { describe, expect, it } from 'vitest';
import { fleursResult, longResult } from '../test/sample-results.ts';
import { compareResults } from './compare-results.ts';
import { formatMarkdown } from './format-markdown.ts';
import { summarizeRows } from './report.ts';

describe('formatMarkdown', () => {
  it('renders the six-column table with units and the band, and explains non-pass rows', () => {
    const report = compareResults([fleursResult(), longResult()], [fleursResult({ rtfx: 14, peakRssBytes: 2 ** 31 }), longResult()]);
    const md = formatMarkdown(report);
    const lines = md.split('\n');
    expect(lines[0]).toBe('## Regression gate: ❌ fail');
    expect(md).toContain('| config | metric | current | baseline | delta | verdict |');
    const rtfx = lines.find((l) => l.includes('| rtfx |') && l.includes('fleurs'));
    expect(rtfx).toBe('| fleurs-fr__smoothquant-int8__node-cpu-t4__greedy | rtfx | 14.0x | 42.0x | -66.7% (band ±10%, n=1/1) | ❌ fail |');
    const ram = lines.find((l) => l.includes('| peakRssBytes |') && l.includes('fleurs'));
    expect(ram).toMatch(/\| 2\.00 GiB \| 4\.66 GiB \| -57\.1% \(band ±5%, n=1\/1\) \| ✅ pass \|$/);
    const wer = lines.find((l) => l.includes('| wer |') && l.includes('fleurs'));
    expect(wer).toMatch(/\| \d+\.\d\d% \| \d+\.\d\d% \| \+0\.00 pt \| ✅ pass \|$/);
    expect(md).toContain('### Notes');
    expect(md).toContain('- ❌ fail `fleurs-fr__smoothquant-int8__node-cpu-t4__greedy` rtfx: 3.00x slower');
  });

  it('escapes pipes and newlines so a note cannot break the table', () => {
    const md = formatMarkdown(summarizeRows([
      { configId: 'a|b', metric: 'status', kind: 'text', current: 'failed', baseline: 'ok', delta: null, verdict: 'fail', note: 'x | y\nz' },
    ]));
    expect(md).toContain('| a\\|b | status | failed | ok | — | ❌ fail |');
    expect(md).toContain('status: x \\| y z');
  });
});
