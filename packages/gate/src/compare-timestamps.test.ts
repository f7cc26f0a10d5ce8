import { describe, expect, it } from 'vitest';
import type { BenchResult } from '@parakeet-bench/core';
import { rescoreResult } from '@parakeet-bench/core';
import { fleursResult, longResult } from '../test/sample-results.ts';
import { compareResults } from './compare-results.ts';
import { formatMarkdown } from './format-markdown.ts';
import type { GateReport } from './report.ts';

const LONG = 'jfk-long__smoothquant-int8__node-cpu-t4__greedy';
const times = (text: string, start: (i: number) => number) => {
  const startCs = text.split(' ').map((_, i) => Math.round(start(i) * 100));
  return { startCs, endCs: startCs.map((c) => c + 30) };
};

/** A long result whose words in section k start `lateMs(k)` after the oracle's (words every 0.4 s). */
function timedLong(lateMs: (k: number) => number, startedAt = '2025-11-28T02:00:00.000Z'): BenchResult {
  const r = longResult({ startedAt });
  const sections = r.longPass!.sections.map((s) => ({
    ...s,
    wordTimes: times(s.hypothesis, (i) => s.startSec + 0.4 * i + lateMs(s.index) / 1000),
    referenceWordTimes: times(s.reference, (i) => s.startSec + 0.4 * i),
  }));
  return rescoreResult({ ...r, longPass: { ...r.longPass!, sections } }, { normalizer: 'default' });
}

/** The oracle and a candidate on the FLEURS sample; the candidate's words start `lateMs` late. */
function timedCorpus(lateMs: number): BenchResult[] {
  const withTimes = (r: BenchResult, variant: string, late: number): BenchResult => ({
    ...r,
    config: { ...r.config, id: `fleurs-fr__${variant}__node-cpu-t4__greedy`, variant },
    compareTo: 'fp32',
    utterances: r.utterances.map((u) => ({ ...u, wordTimes: times(u.hypothesis, (i) => 0.4 * i + late / 1000) })),
  });
  return [withTimes(fleursResult(), 'fp32', 0), withTimes(fleursResult(), 'int8', lateMs)];
}

const rows = (report: GateReport, id: string) => report.rows.filter((r) => r.configId === id && r.metric.includes('word start'));

describe('word-timestamp agreement in the gate', () => {
  it('compares median, p95 and each section p95 and passes an identical rerun', () => {
    const report = compareResults([timedLong(() => 0)], [timedLong(() => 0, '2025-11-29T02:00:00.000Z')]);
    const r = rows(report, LONG);
    expect(r.map((x) => x.metric)).toEqual(['word start median', 'word start p95', ...Array.from({ length: 7 }, (_, k) => `section ${k} word start p95`)]);
    expect(r.every((x) => x.verdict === 'pass' && x.kind === 'ms' && x.delta === 0)).toBe(true);
    expect(report.verdict).toBe('pass');
  });

  it('fails a pass whose last section drifts two frames further from the oracle', () => {
    const report = compareResults([timedLong(() => 0)], [timedLong((k) => (k === 6 ? 240 : 0))]);
    const section6 = rows(report, LONG).find((x) => x.metric === 'section 6 word start p95')!;
    expect(section6).toMatchObject({ verdict: 'fail', current: 240, baseline: 0, delta: 240 });
    expect(section6.note).toBe('word starts drift 240 ms further from the oracle, beyond the fail limit of 160 ms');
    expect(rows(report, LONG).find((x) => x.metric === 'word start median')!.verdict).toBe('pass');
    expect(rows(report, LONG).find((x) => x.metric === 'section 5 word start p95')!.verdict).toBe('pass');
    expect(formatMarkdown(report)).toContain('| jfk-long__smoothquant-int8__node-cpu-t4__greedy | section 6 word start p95 | 240 ms | 0 ms | +240 ms | ❌ fail |');
  });

  it('gates a corpus config against its reference in the same run', () => {
    const report = compareResults(timedCorpus(0), timedCorpus(120));
    const [median, p95] = rows(report, 'fleurs-fr__int8__node-cpu-t4__greedy');
    expect(median).toMatchObject({ metric: 'word start median', current: 120, baseline: 0, verdict: 'fail' });
    expect(p95).toMatchObject({ metric: 'word start p95', verdict: 'warn' });
    expect(rows(report, 'fleurs-fr__fp32__node-cpu-t4__greedy')).toEqual([]); // the reference itself
  });

  it('skips a baseline without word times (written before them), and warns when the current result lost them', () => {
    expect(rows(compareResults([longResult()], [timedLong(() => 0)]), LONG)).toEqual([]);
    const lost = compareResults([timedLong(() => 0)], [longResult({ startedAt: '2025-11-29T02:00:00.000Z' })]);
    expect(lost.rows.find((x) => x.metric === 'word start agreement')).toMatchObject({ verdict: 'warn', note: expect.stringMatching(/no word times in the result/) });
  });
});
