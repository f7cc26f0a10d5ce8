import { describe, expect, it } from 'vitest';
import type { BenchResult } from '@parakeet-bench/core';
import { fidelityBlock, fleursResult, longResult } from '../test/sample-results.ts';
import { formatMarkdown } from './format-markdown.ts';
import { compareResults } from './compare-results.ts';
import type { GateReport, GateRow } from './report.ts';
import { parseGateRules } from './rules.ts';

const LONG = 'jfk-long__smoothquant-int8__node-cpu-t4__greedy';
const FLEURS = 'fleurs-fr__smoothquant-int8__node-cpu-t4__greedy';
const GOOD = [0.9999, 0.9998, 0.9998, 0.9997, 0.9997, 0.9996, 0.9996];
const long = (cosines: number[] | null, startedAt?: string): BenchResult =>
  longResult({ ...(startedAt ? { startedAt } : {}), ...(cosines ? { extra: { encoderFidelity: fidelityBlock(cosines) } } : {}) });
const fidelityRow = (report: GateReport, id = LONG): GateRow => report.rows.find((r) => r.configId === id && r.metric.startsWith('encoder cosine'))!;

describe('the encoder-fidelity rule', () => {
  it('passes an unchanged encoder and shows the worst section', () => {
    const row = fidelityRow(compareResults([long(GOOD)], [long(GOOD, '2025-11-29T02:00:00.000Z')]));
    expect(row).toMatchObject({ metric: 'encoder cosine (worst section)', kind: 'cosine', current: 0.9996, baseline: 0.9996, delta: 0, verdict: 'pass' });
  });

  it('fails a section whose cosine fell beyond the drop limit, naming it, even with identical words', () => {
    const broken = [...GOOD];
    broken[4] = 0.985;
    const report = compareResults([long(GOOD)], [long(broken)]);
    const row = fidelityRow(report);
    expect(row.verdict).toBe('fail');
    expect(row.delta).toBeCloseTo(0.985 - 0.9997, 10);
    expect(row.note).toBe('section 4 (240-300 s): cosine 0.9997 -> 0.9850, a drop beyond the fail limit 0.01');
    expect(report.rows.find((r) => r.configId === LONG && r.metric === 'section transcripts')?.verdict).toBe('pass');
    expect(formatMarkdown(report)).toContain('| jfk-long__smoothquant-int8__node-cpu-t4__greedy | encoder cosine (worst section) | 0.9850 | 0.9996 | -0.0147 | ❌ fail |');
    const slight = [...GOOD];
    slight[2] = 0.9975;
    expect(fidelityRow(compareResults([long(GOOD)], [long(slight)])).verdict).toBe('warn');
  });

  it('applies an absolute floor when one is set, to the variants named, also to a config the baseline lacks', () => {
    const rules = parseGateRules(JSON.stringify({ encoderFidelity: { minCosine: { warn: 0.9999, fail: 0.999, variants: ['smoothquant-int8'] } } }), 'gate.json');
    const row = fidelityRow(compareResults([long(GOOD)], [long(GOOD)], rules));
    expect(row.verdict).toBe('warn');
    expect(row.note).toBe('cosine 0.9996 (section 5) is below the warn floor 0.9999');
    const newOnly = compareResults([], [long([0.99, ...GOOD.slice(1)])], rules);
    expect(fidelityRow(newOnly)).toMatchObject({ verdict: 'fail', baseline: null, note: 'cosine 0.9900 (section 0) is below the fail floor 0.999' });
    const others = parseGateRules(JSON.stringify({ encoderFidelity: { minCosine: { fail: 0.999999, variants: ['int8-stock'] } } }), 'gate.json');
    expect(fidelityRow(compareResults([long(GOOD)], [long(GOOD)], others)).verdict).toBe('pass');
  });

  it('compares a corpus by its overall cosine; warns when the current result lost its fidelity block; silent when neither has one', () => {
    const corpus = (c: number) => fleursResult({ extra: { encoderFidelity: fidelityBlock([c], false) } });
    expect(fidelityRow(compareResults([corpus(0.9995)], [corpus(0.95)]), FLEURS)).toMatchObject({ metric: 'encoder cosine', verdict: 'fail', note: 'overall: cosine 0.9995 -> 0.9500, a drop beyond the fail limit 0.01' });
    expect(fidelityRow(compareResults([long(GOOD)], [long(null)]))).toMatchObject({ kind: 'text', verdict: 'warn', note: 'the baseline has encoderFidelity but the current result does not' });
    expect(fidelityRow(compareResults([long(null)], [long(null)]))).toBeUndefined();
  });

  it('does not compare cosines against another oracle', () => {
    const other = { ...fidelityBlock(GOOD.map((c) => c - 0.1)), oracleVariant: 'fp16' };
    const row = fidelityRow(compareResults([long(GOOD)], [longResult({ extra: { encoderFidelity: other } })]));
    expect(row).toMatchObject({ verdict: 'pass', delta: null, note: 'not compared with the baseline: its oracle is fp32, now fp16' });
  });

  it('refuses a floor pair where fail is above warn', () => {
    expect(() => parseGateRules(JSON.stringify({ encoderFidelity: { minCosine: { warn: 0.9, fail: 0.99 } } }), 'gate.json')).toThrow(/fail must be <= warn \(a floor\)/);
  });
});

describe('memory written by result schema 1', () => {
  it('is not compared with current memory: a warning says to refresh the baseline', () => {
    const legacy = { ...fleursResult(), memory: { source: 'x', peakRssBytes: 1e9, legacy: { baselineRssBytes: 1, modelRssBytes: 1, peakExcludesEncoder: true } } };
    const row = compareResults([legacy], [fleursResult()]).rows.find((r) => r.metric === 'peakRssBytes')!;
    expect(row).toMatchObject({ kind: 'text', verdict: 'warn' });
    expect(row.note).toBe('the baseline result was written by result schema 1, whose memory is measured differently: refresh the baseline (bench baseline update)');
  });
});
