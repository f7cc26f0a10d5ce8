import { describe, expect, it } from 'vitest';
import type { BenchResult } from '@parakeet-bench/core';
import { corrupt, defaultHypothesis, fleursResult, longResult, withRepeats } from '../test/sample-results.ts';
import { compareResults } from './compare-results.ts';
import type { GateReport, GateRow } from './report.ts';
import { parseGateRules } from './rules.ts';

const rerun = (r: BenchResult): BenchResult => ({ ...structuredClone(r), startedAt: '2025-11-29T02:00:00.000Z', runLabel: 'nightly-2025-11-29' });
const row = (report: GateReport, configId: string, metric: string): GateRow => {
  const found = report.rows.find((r) => r.configId === configId && r.metric === metric);
  if (!found) throw new Error(`no row ${configId} / ${metric} in ${report.rows.map((r) => `${r.configId}/${r.metric}`).join(', ')}`);
  return found;
};
const FLEURS = 'fleurs-fr__smoothquant-int8__node-cpu-t4__greedy';
const LONG = 'jfk-long__smoothquant-int8__node-cpu-t4__greedy';

describe('compareResults', () => {
  const baseline = [fleursResult(), longResult()];

  it('passes an identical rerun, with every metric compared', () => {
    const report = compareResults(baseline, baseline.map(rerun));
    expect(report.verdict).toBe('pass');
    expect(report.counts.warn + report.counts.fail).toBe(0);
    expect(report.configs.map((c) => c.id)).toEqual([FLEURS, LONG]);
    for (const m of ['wer', 'cer', 'transcripts', 'rtfx', 'peakRssBytes']) expect(row(report, FLEURS, m).verdict).toBe('pass');
    for (const m of ['section transcripts', 'section 0 wer', 'section 6 cer']) expect(row(report, LONG, m).verdict).toBe('pass');
  });

  it('fails a corrupted int8 whose long-pass WER grows with the section index', () => {
    // Like the stock int8: fine early on, ever more wrong words as the clip grows.
    const broken = longResult({ hypothesis: (text, k) => (k < 2 ? text : corrupt(text, Math.max(2, 7 - k))) });
    const report = compareResults(baseline, [rerun(baseline[0]!), broken]);
    expect(report.verdict).toBe('fail');
    const wer = row(report, LONG, 'wer');
    expect(wer.verdict).toBe('fail');
    expect(wer.delta!).toBeGreaterThan(0.5);
    expect(row(report, LONG, 'section 0 wer').verdict).toBe('pass');
    expect(row(report, LONG, 'section 6 wer').verdict).toBe('fail');
    const sections = row(report, LONG, 'section transcripts');
    // Largest rise named first, the mildest (section 2) last.
    expect(sections.note).toMatch(/^changed: section 5 \(300-360 s\) \(WER 0\.00% -> \d+\.\d\d%\), section 6 /);
    expect(sections.note).toMatch(/section 2 \(120-180 s\) \(WER 0\.00% -> \d+\.\d\d%\)$/);
    expect(report.configs.find((c) => c.id === FLEURS)!.verdict).toBe('pass');
  });

  it('warns on a changed hypothesis at equal WER, naming the utterance', () => {
    const base = fleursResult({ hypothesis: (r, i) => (i === 5 ? r.replace('voiture', 'voitures') : r) });
    const cur = fleursResult({ hypothesis: (r, i) => (i === 5 ? r.replace('course', 'courses') : r) });
    const report = compareResults([base], [cur]);
    expect(row(report, FLEURS, 'wer').delta).toBe(0);
    const t = row(report, FLEURS, 'transcripts');
    expect(t.verdict).toBe('warn');
    expect(t.current).toBe('1 of 10 changed');
    expect(t.note).toContain('fleurs-fr-test-005 (hypothesis changed at equal WER');
    expect(report.verdict).toBe('warn');
  });

  it('warns on a WER rise below the warn limit because the edit counts changed', () => {
    const rules = parseGateRules(JSON.stringify({ accuracy: { werPoints: { warn: 5, fail: 10 } } }), 'test rules');
    const cur = fleursResult({ hypothesis: (r, i) => (i === 0 ? corrupt(r, 100) : defaultHypothesis(r, i)) });
    const w = row(compareResults([fleursResult()], [cur], rules), FLEURS, 'wer');
    expect(w.delta!).toBeGreaterThan(0);
    expect(w.verdict).toBe('warn');
    expect(w.note).toMatch(/edit counts S\d+\/D1\/I0\/N\d+ -> S\d+\/D1\/I0\/N\d+/);
  });

  it('fails a 3x slower timing and reports the band', () => {
    const report = compareResults(baseline, [rerun(baseline[0]!), longResult({ rtfx: 14 })]);
    const r = row(report, LONG, 'rtfx');
    expect(r.verdict).toBe('fail');
    expect(r.delta!).toBeCloseTo(14 / 42 - 1, 6);
    expect(r.band).toBe(0.1);
    expect(r.note).toContain('3.00x slower');
  });

  it('fails a peak-RAM blow-up', () => {
    const r = row(compareResults([fleursResult()], [fleursResult({ peakRssBytes: 9.5e9 })]), FLEURS, 'peakRssBytes');
    expect(r.verdict).toBe('fail');
    expect(r.delta!).toBeCloseTo(0.9, 6);
  });

  it('passes timing jitter inside the band of the repeats, and uses medians', () => {
    const base = withRepeats(fleursResult(), [42, 39, 45]);
    const cur = withRepeats(fleursResult(), [38, 44, 40.5]);
    const r = row(compareResults(base, cur), FLEURS, 'rtfx');
    expect(r).toMatchObject({ verdict: 'pass', current: 40.5, baseline: 42, samples: { current: 3, baseline: 3 } });
    expect(r.band!).toBeCloseTo(6 / 40.5, 6);
  });

  it('takes repeats recorded inside one result (timing.repeats) as the samples', () => {
    const inOne = (rtfxs: number[]): BenchResult => {
      const r = fleursResult();
      const repeats = rtfxs.map((rtfx) => ({ preprocessMs: 1, encodeMs: 1, decodeMs: 1, processMs: (1000 * r.timing!.audioSec) / rtfx, rtfx }));
      return { ...r, timing: { ...r.timing!, rtfx: [...rtfxs].sort((a, b) => a - b)[1]!, repeats } };
    };
    const jitter = row(compareResults([inOne([42, 39, 45])], [inOne([38, 44, 40.5])]), FLEURS, 'rtfx');
    expect(jitter).toMatchObject({ verdict: 'pass', current: 40.5, baseline: 42, samples: { current: 3, baseline: 3 } });
    expect(jitter.band!).toBeCloseTo(6 / 40.5, 6);
    const slow = row(compareResults([inOne([42, 39, 45])], [inOne([13, 14, 12])]), FLEURS, 'rtfx');
    expect(slow.verdict).toBe('fail');
  });

  it('does not fail a slowdown past the warn limit while it stays inside a wide band', () => {
    const base = withRepeats(fleursResult(), [30, 42, 50]);
    const r = row(compareResults(base, withRepeats(fleursResult(), [30])), FLEURS, 'rtfx');
    expect(r.verdict).toBe('pass');
    expect(r.band!).toBeCloseTo(20 / 42, 6);
  });

  it('warns when the noise band is so wide the gate could not see a fail-sized regression', () => {
    const base = withRepeats(fleursResult(), [20, 42, 60]);
    const r = row(compareResults(base, withRepeats(fleursResult(), [42])), FLEURS, 'rtfx');
    expect(r.verdict).toBe('warn');
    expect(r.note).toContain('reaches the fail limit');
  });

  it('reports missing and new configs', () => {
    const other = fleursResult({ id: 'fleurs-fr__fp16__node-cpu-t4__greedy', encoderPrecision: 'fp16' });
    const report = compareResults([fleursResult(), longResult()], [fleursResult(), other]);
    expect(row(report, LONG, 'config')).toMatchObject({ verdict: 'fail', current: null, baseline: 'present' });
    expect(row(report, other.config.id, 'config')).toMatchObject({ verdict: 'warn', current: 'present', baseline: null });
    expect(report.verdict).toBe('fail');
  });

  it('fails a config whose current status is failed, quoting the error', () => {
    const failed = { ...fleursResult(), status: 'failed' as const, error: { message: 'encoder: out of memory\nstack…', phase: 'encode' } };
    const r = row(compareResults([fleursResult()], [failed]), FLEURS, 'status');
    expect(r).toMatchObject({ verdict: 'fail', current: 'failed', baseline: 'ok', note: 'encode: encoder: out of memory' });
  });

  it('passes a config unsupported on both sides, warns when still failing or recovered', () => {
    const unsupported = { ...fleursResult(), status: 'unsupported' as const };
    const failed = { ...fleursResult(), status: 'failed' as const, error: { message: 'boom' } };
    expect(row(compareResults([unsupported], [unsupported]), FLEURS, 'status').verdict).toBe('pass');
    expect(row(compareResults([failed], [failed]), FLEURS, 'status').verdict).toBe('warn');
    expect(row(compareResults([failed], [fleursResult()]), FLEURS, 'status').verdict).toBe('warn');
  });

  it('reports a changed environment and caps timing verdicts only on a hardware change', () => {
    const slowerElsewhere = fleursResult({ rtfx: 14, environment: { cpuModel: 'Intel Xeon Platinum 8370C' } });
    const report = compareResults([fleursResult()], [slowerElsewhere]);
    expect(row(report, FLEURS, 'environment')).toMatchObject({ verdict: 'warn', current: 'cpuModel=Intel Xeon Platinum 8370C' });
    expect(row(report, FLEURS, 'rtfx')).toMatchObject({ verdict: 'warn' });
    expect(row(report, FLEURS, 'rtfx').note).toContain('hardware changed (cpuModel)');

    const slowerRuntime = fleursResult({ rtfx: 14, environment: { runtimeVersion: '1.31.0' } });
    const r2 = compareResults([fleursResult()], [slowerRuntime]);
    expect(row(r2, FLEURS, 'environment').note).toContain('runtimeVersion');
    expect(row(r2, FLEURS, 'rtfx').verdict).toBe('fail');
  });

  it('flags repeats that fail or disagree on transcripts', () => {
    const ok = fleursResult();
    const failedRepeat = { ...fleursResult({ startedAt: '2025-11-28T03:00:00.000Z' }), status: 'failed' as const, error: { message: 'killed' } };
    const flaky = compareResults([ok], [ok, failedRepeat]);
    expect(row(flaky, FLEURS, 'repeats')).toMatchObject({ verdict: 'warn', current: '1 of 2 not ok' });
    const differs = fleursResult({ startedAt: '2025-11-28T03:00:00.000Z', hypothesis: (r) => corrupt(r, 4) });
    expect(row(compareResults([ok], [ok, differs]), FLEURS, 'repeats').note).toContain('not deterministic');
  });

  it('warns when a config id keeps its name but changes definition', () => {
    const changed = fleursResult();
    changed.config.threads = 8;
    expect(row(compareResults([fleursResult()], [changed]), FLEURS, 'config')).toMatchObject({ verdict: 'warn', current: '[8]', baseline: '[4]' });
  });

  it('warns when utterances appear or disappear', () => {
    const fewer = fleursResult();
    fewer.utterances = fewer.utterances.slice(0, 8);
    const t = row(compareResults([fleursResult()], [fewer]), FLEURS, 'transcripts');
    expect(t.verdict).toBe('warn');
    expect(t.note).toBe('missing: fleurs-fr-test-008, fleurs-fr-test-009');
  });

  it('obeys rules that switch a finding off', () => {
    const rules = parseGateRules(JSON.stringify({ findings: { newConfig: 'pass' } }), 'test rules');
    expect(compareResults([], [fleursResult()], rules).verdict).toBe('pass');
  });
});
