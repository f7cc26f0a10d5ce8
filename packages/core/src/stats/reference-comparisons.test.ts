import { describe, expect, it } from 'vitest';
import { corpusResult, longResult } from '../../test/scored-results.ts';
import { compareWithReference, formatReferenceComparison } from './reference-comparisons.ts';
import { pairedWer } from './result-pairs.ts';

/** 39 utterances of 10 words; `wrong(k)` words of utterance k are substituted. */
function corpus(variant: string, wrong: (k: number) => number, extra: Parameters<typeof corpusResult>[1] = {}) {
  const pairs = Array.from({ length: 39 }, (_, k) => {
    const ref = Array.from({ length: 10 }, (_, i) => `w${k}x${i}`);
    const hyp = ref.map((w, i) => (i < wrong(k) ? 'uh' : w));
    return [ref.join(' '), hyp.join(' ')] as const;
  });
  return corpusResult(pairs, { variant, compareTo: 'fp32', ...extra });
}

describe('pairedWer of two results', () => {
  it('pairs by utterance: a real rise is significant under both tests, a shuffled one is not', () => {
    const fp32 = corpus('fp32', (k) => k % 3);
    const worse = corpus('int8', (k) => (k % 3) + 1);
    const c = pairedWer(fp32, worse);
    expect(c.bootstrap.deltaPts).toBeCloseTo(10, 12);
    expect(c.bootstrap.significant).toBe(true);
    expect(c.mapsswe.zeroVariance).toBe(true); // every utterance +1: SCTK's W = 0 quirk
    // Same totals, errors moved between utterances: no real difference.
    const moved = corpus('fp16', (k) => [1, 2, 0][k % 3]!);
    const n = pairedWer(fp32, moved);
    expect(n.bootstrap.deltaPts).toBeCloseTo(0, 12);
    expect(n.bootstrap.significant).toBe(false);
    expect(n.mapsswe.significant).toBe(false);
  });

  it('refuses, naming both results and the fix, when they cannot be paired', () => {
    const a = corpus('fp32', () => 1);
    const b = corpus('int8', () => 1, { scoring: { normalizer: 'whisper-basic' } });
    expect(() => pairedWer(a, b)).toThrow(/d__int8__node-cpu-t1__greedy was scored with normalizer whisper-basic, d__fp32__node-cpu-t1__greedy with default; .*bench rescore --normalizer default/);
    const fewer = { ...a, utterances: a.utterances.slice(1) };
    expect(() => pairedWer(fewer, corpus('int8', () => 1))).toThrow(/a = d__fp32__node-cpu-t1__greedy, b = d__int8__node-cpu-t1__greedy\): pairedBootstrap: a and b must score the same items; only in b: u0/);
    expect(() => pairedWer({ ...a, status: 'failed' }, a)).toThrow(/d__fp32__node-cpu-t1__greedy is failed: there are no scores to compare/);
  });

  it('pairs long-pass sections', () => {
    const oracle = ['a b c d', 'e f g h', 'i j k l'];
    const c = pairedWer(longResult(oracle, oracle), longResult(oracle, ['a b c d', 'e f x h', 'i'], { variant: 'int8' }));
    expect(c.bootstrap.items).toBe(3);
    expect(c.bootstrap.deltaPts).toBeCloseTo(100 * (4 / 12), 12);
  });
});

describe('compareWithReference', () => {
  const fp32 = corpus('fp32', (k) => k % 3);
  const fp16 = corpus('fp16', (k) => k % 3);
  const int8 = corpus('int8', (k) => (k % 3) + 1);
  const int8Beam = corpus('int8', (k) => k % 3, { decoder: { kind: 'maes', beamWidth: 4, numSteps: 2, prefixAlpha: 1, expansionBeta: 2, expansionGamma: 2.3, scoreNorm: true } });

  it('compares each config with the reference variant of the same backend, threads and decoder', () => {
    const { comparisons, withoutReference } = compareWithReference([fp32, fp16, int8, int8Beam]);
    expect(withoutReference).toEqual([]);
    expect(comparisons.map((c) => [c.candidate.config.id, c.reference?.config.id])).toEqual([
      ['d__fp16__node-cpu-t1__greedy', 'd__fp32__node-cpu-t1__greedy'],
      ['d__int8__node-cpu-t1__greedy', 'd__fp32__node-cpu-t1__greedy'],
      ['d__int8__node-cpu-t1__maes-b4', undefined],
    ]);
    expect(comparisons[2]!.skipped).toBe('no fp32 result with node-cpu · 1 thread · maes-b4 in these results');
    expect(formatReferenceComparison(comparisons[0]!)).toBe('fp16 vs fp32: 0.00 pts [0.00, 0.00], p = 1.00, not significant; MAPSSWE p = 1.00');
    expect(formatReferenceComparison(comparisons[1]!)).toBe('int8 vs fp32: +10.00 pts [+10.00, +10.00], p < 0.001, significant; MAPSSWE p = 1.00');
    expect(formatReferenceComparison(comparisons[2]!)).toBe('int8 vs fp32: not compared (no fp32 result with node-cpu · 1 thread · maes-b4 in these results)');
  });

  it('takes an explicit reference variant over the results` own, and lists results that name none', () => {
    const { comparisons } = compareWithReference([fp32, fp16, int8], { referenceVariant: 'fp16' });
    expect(comparisons.map((c) => `${c.candidate.config.variant} vs ${c.referenceVariant}`)).toEqual(['fp32 vs fp16', 'int8 vs fp16']);
    const old = { ...fp16 };
    delete old.compareTo;
    expect(compareWithReference([fp32, old]).withoutReference).toEqual([old]);
  });

  it('skips with the reason when the reference failed or was normalised differently', () => {
    const failed = { ...fp32, status: 'failed' as const };
    expect(compareWithReference([failed, fp16]).comparisons[0]!.skipped).toMatch(/d__fp32__node-cpu-t1__greedy is failed/);
    const other = corpus('fp16', () => 0, { scoring: { normalizer: 'none' } });
    expect(compareWithReference([fp32, other]).comparisons[0]!.skipped).toMatch(/scored with normalizer none, .* with default/);
  });
});
