import { describe, expect, it } from 'vitest';
import type { BenchResult } from '@parakeet-bench/core';
import { corrupt, defaultHypothesis, fleursReferences, fleursResult, longResult } from '../test/sample-results.ts';
import { compareResults } from './compare-results.ts';
import type { GateReport, GateRow } from './report.ts';
import { defaultGateRules, parseGateRules } from './rules.ts';

const FLEURS = 'fleurs-fr__smoothquant-int8__node-cpu-t4__greedy';
const LONG = 'jfk-long__smoothquant-int8__node-cpu-t4__greedy';
const row = (report: GateReport, configId: string, metric: string): GateRow => report.rows.find((r) => r.configId === configId && r.metric === metric)!;
const rules = (pairedWer: object, werPoints?: object) => parseGateRules(JSON.stringify({ accuracy: { pairedWer, ...(werPoints ? { werPoints } : {}) } }), 'test rules');
const wer = (baseline: BenchResult, current: BenchResult, r = defaultGateRules) => row(compareResults([baseline], [current], r), FLEURS, 'wer');

// Planted changes on the 10 bundled FLEURS-fr utterances:
// significant: every 3rd word of every utterance wrong (a broken quantisation, +30 pts on all ten);
const broken = fleursResult({ hypothesis: (r, i) => corrupt(defaultHypothesis(r, i), 3) });
// insignificant: four more wrong words (every 6th) in one utterance (nine of ten utterances unchanged).
const noise = fleursResult({ hypothesis: (r, i) => (i === 0 ? corrupt(r, 6) : defaultHypothesis(r, i)) });
const extra = corrupt(fleursReferences[0]!.text, 6).split(' ').filter((w) => w === 'euh').length;

describe('accuracy.pairedWer (require-significant)', () => {
  it('is off by default: the point limits alone decide, as before', () => {
    expect(defaultGateRules.accuracy.pairedWer).toEqual({ mode: 'off', significantRise: 'fail', insignificantRise: 'warn', minRisePoints: 0 });
    const w = wer(fleursResult(), noise);
    expect(w.delta!).toBeGreaterThan(0.5); // over the default fail limit of 0.5 pt
    expect(w.verdict).toBe('fail');
    expect(w.paired).toBeUndefined();
  });

  it('fails a planted significant rise that stays under the point limits', () => {
    const lenient = rules({ mode: 'require-significant' }, { warn: 40, fail: 60 });
    expect(wer(fleursResult(), broken, { ...lenient, accuracy: { ...lenient.accuracy, pairedWer: defaultGateRules.accuracy.pairedWer } }).verdict).toBe('warn'); // edit counts only
    const w = wer(fleursResult(), broken, lenient);
    expect(w.delta!).toBeGreaterThan(25);
    expect(w.delta!).toBeLessThan(40);
    expect(w.verdict).toBe('fail');
    expect(w.paired!.bootstrap).toMatchObject({ significant: true, items: 10, resamples: 2000, seed: 0 });
    expect(w.paired!.bootstrap.ciLowPts).toBeGreaterThan(0);
    expect(w.note).toMatch(/paired current vs baseline: \+\d+\.\d\d pts \[\+\d+\.\d\d, \+\d+\.\d\d\], p < 0\.001, significant; MAPSSWE p < 0\.001: a significant rise \(fail\)/);
  });

  it('caps a planted insignificant rise over the point limits at warn instead of failing on noise', () => {
    const w = wer(fleursResult(), noise, rules({ mode: 'require-significant' }));
    expect(extra).toBe(4);
    expect(w.delta!).toBeCloseTo((100 * extra) / fleursResult().accuracy!.words.referenceLength, 9);
    expect(w.verdict).toBe('warn');
    expect(w.paired!.bootstrap.significant).toBe(false);
    expect(w.note).toMatch(/^rise beyond the fail limit of 0\.5 pt; paired current vs baseline: \+\d+\.\d\d pts \[0\.00, \+\d+\.\d\d\], p = 0\.\d\d, not significant; MAPSSWE p = [\d.]+: no significant rise; over the fail limit, capped at warn; edit counts /);
    // The transcripts row still names the changed utterance: exact checks are untouched.
    expect(row(compareResults([fleursResult()], [noise], rules({ mode: 'require-significant' })), FLEURS, 'transcripts').note).toMatch(/^changed: fleurs-fr-test-000/);
    expect(wer(fleursResult(), noise, rules({ mode: 'require-significant', insignificantRise: 'pass' })).verdict).toBe('warn'); // edit counts still warn
  });

  it('honours minRisePoints and the chosen verdicts', () => {
    expect(wer(fleursResult(), broken, rules({ mode: 'require-significant', significantRise: 'warn' }, { warn: 40, fail: 60 })).verdict).toBe('warn');
    const floor = wer(fleursResult(), broken, rules({ mode: 'require-significant', minRisePoints: 50 }, { warn: 40, fail: 60 }));
    expect(floor.verdict).toBe('warn');
    expect(floor.note).toContain('a significant rise below minRisePoints 50');
  });

  it('leaves long passes to the point limits, and falls back to them when utterances differ', () => {
    const lp = row(compareResults([longResult()], [longResult({ hypothesis: (t, k) => (k === 6 ? corrupt(t, 2) : t) })], rules({ mode: 'require-significant' })), LONG, 'wer');
    expect(lp.verdict).toBe('fail');
    expect(lp.paired).toBeUndefined();
    const fewer = { ...noise, utterances: noise.utterances.slice(1) };
    const w = wer(fleursResult(), fewer, rules({ mode: 'require-significant' }));
    expect(w.note).toContain('paired test not possible, the point limits decide: current vs baseline (a = baseline, b = current): pairedBootstrap: a and b must score the same items; only in a: fleurs-fr-test-000;');
  });

  it('refuses a rule it does not know', () => {
    expect(() => rules({ mode: 'always' })).toThrow(/test rules: invalid gate rules: .*mode/s);
    expect(() => rules({ mode: 'require-significant', alpha: 0.1 })).toThrow(/alpha/);
  });
});

describe('normalisers', () => {
  it('refuses to compare results scored with different normalisers, naming both and the fix', () => {
    const current = { ...fleursResult(), scoring: { normalizer: 'whisper-basic' as const } };
    const report = compareResults([fleursResult()], [current]);
    const n = row(report, FLEURS, 'normalizer');
    expect(n).toMatchObject({ verdict: 'fail', current: 'whisper-basic', baseline: 'default' });
    expect(n.note).toBe('accuracy not compared: current was scored with normalizer whisper-basic, baseline with default; their counts are not comparable: rescore one side (bench rescore --normalizer default --results <dir>)');
    expect(report.rows.filter((r) => r.configId === FLEURS).map((r) => r.metric)).not.toContain('wer');
    // A result that predates the field was scored with `default`.
    expect(row(compareResults([fleursResult()], [{ ...fleursResult(), scoring: { normalizer: 'default' } }]), FLEURS, 'wer').verdict).toBe('pass');
  });
});
