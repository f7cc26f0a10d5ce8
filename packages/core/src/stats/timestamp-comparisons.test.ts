import { describe, expect, it } from 'vitest';
import { corpusResult, longResult } from '../../test/scored-results.ts';
import { compareTimestamps, pairedStartDiffsMs } from './timestamp-comparisons.ts';

const pairs = [
  ['one two three four', 'one two three four'],
  ['five six seven', 'five six seven'],
] as const;

describe('corpus word-start agreement against the reference config', () => {
  it('measures a planted shift of the candidate as that shift over every hit word', () => {
    const fp32 = corpusResult(pairs, { variant: 'fp32', compareTo: 'fp32', shiftSec: 0 });
    const late = corpusResult(pairs, { variant: 'int8', compareTo: 'fp32', shiftSec: 0.24 });
    expect(pairedStartDiffsMs(fp32, late)).toEqual(Array(7).fill(240));
    const rows = compareTimestamps([fp32, late]);
    // The reference is not compared with itself.
    expect(rows.map((r) => [r.candidate.config.variant, r.against, r.overall])).toEqual([
      ['int8', 'fp32', { hitWords: 7, medianStartDiffMs: 240, p95StartDiffMs: 240 }],
    ]);
  });

  it('uses only words both transcripts share', () => {
    const fp32 = corpusResult(pairs, { variant: 'fp32', compareTo: 'fp32', shiftSec: 0 });
    const other = corpusResult([['one two three four', 'one TWO x four'], pairs[1]], { variant: 'int8', compareTo: 'fp32', shiftSec: 0.08 });
    expect(compareTimestamps([fp32, other])[0]!.overall).toEqual({ hitWords: 6, medianStartDiffMs: 80, p95StartDiffMs: 80 });
  });

  it('says why when it cannot compare: no reference, no times, other normaliser', () => {
    const late = corpusResult(pairs, { variant: 'int8', compareTo: 'fp32', shiftSec: 0 });
    expect(compareTimestamps([late])[0]!.skipped).toMatch(/no ok fp32 result with node-cpu · 1 thread · greedy/);
    const untimed = corpusResult(pairs, { variant: 'fp32', compareTo: 'fp32' });
    expect(compareTimestamps([untimed, late])[0]!.skipped).toMatch(/share no utterance with word times on both sides \(no word times in the result/);
    const other = corpusResult(pairs, { variant: 'fp32', compareTo: 'fp32', shiftSec: 0, scoring: { normalizer: 'none' } });
    expect(compareTimestamps([other, late])[0]!.skipped).toMatch(/scored with normalizer default, .* with none/);
  });
});

describe('long-pass word-start agreement', () => {
  it('comes from the result itself (the oracle sections), per section and overall', () => {
    const r = longResult(['a b c', 'd e'], ['a b c', 'd e'], { oracleTimes: true, shiftSec: 0.08, compareTo: 'fp32' });
    const [row] = compareTimestamps([r]);
    expect(row!.overall).toEqual({ hitWords: 5, medianStartDiffMs: 80, p95StartDiffMs: 80 });
    expect(row!.sections?.map((s) => [s.index, s.agreement?.hitWords])).toEqual([[0, 3], [1, 2]]);
    expect(row!.against).toMatch(/each section alone/);
    expect(compareTimestamps([longResult(['a'], ['a'])])[0]!.skipped).toMatch(/no word times/);
  });
});
