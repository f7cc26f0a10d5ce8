import { describe, expect, it } from 'vitest';
import { corpusResult, longResult } from '../../test/scored-results.ts';
import { HUMAN_REFERENCE_DROPPED, rescoreResult } from './rescore.ts';

const pairs = [
  ['Hello, World!', 'hello world'],
  ['Le chat dort.', 'le chat dort'],
  ['one two three', 'one two'],
] as const;

describe('rescoreResult', () => {
  it('gives exactly the result a run scored with that normaliser would have, without decoding', () => {
    const asDefault = corpusResult(pairs);
    const asNone = corpusResult(pairs, { scoring: { normalizer: 'none' } });
    expect(rescoreResult(asDefault, { normalizer: 'none' })).toEqual({ ...asDefault, scoring: asNone.scoring, utterances: asNone.utterances, accuracy: asNone.accuracy });
    expect(rescoreResult(asNone, { normalizer: 'default' })).toEqual({ ...asNone, scoring: asDefault.scoring, utterances: asDefault.utterances, accuracy: asDefault.accuracy });
    expect(asNone.accuracy!.wer).toBeGreaterThan(asDefault.accuracy!.wer);
  });

  it('with the same normaliser reproduces the scores exactly (default on a result that predates the field too)', () => {
    const r = corpusResult(pairs);
    expect(rescoreResult(r, { normalizer: 'default' })).toEqual(r);
    const old = structuredClone(r);
    delete old.scoring;
    delete old.accuracy!.werCi;
    delete old.accuracy!.cerCi;
    expect(rescoreResult(old, { normalizer: 'default' })).toEqual(r);
  });

  it('rescores long-pass sections and the worst section; the human score survives only an unchanged normaliser', () => {
    const oracle = ['Alpha, beta.', 'gamma delta'];
    const r = longResult(oracle, ['alpha beta', 'gamma'], { human: 'Alpha beta gamma delta' });
    expect(r.longPass!.humanReference).toBeDefined();
    expect(rescoreResult(r, { normalizer: 'default' })).toEqual(r);
    const exact = rescoreResult(r, { normalizer: 'none' });
    expect(exact.longPass!.sections.map((s) => s.wer)).toEqual([1, 0.5]);
    expect(exact.longPass!.worstSectionIndex).toBe(0);
    expect(exact.accuracy!.wer).toBeCloseTo(3 / 4, 12);
    expect(exact.longPass!.humanReference).toBeUndefined();
    expect(exact.model!.notes).toContain(HUMAN_REFERENCE_DROPPED);
    expect(rescoreResult(exact, { normalizer: 'whisper-basic' }).model!.notes.filter((n) => n === HUMAN_REFERENCE_DROPPED)).toHaveLength(1);
  });

  it('leaves results without scores alone', () => {
    const failed = { ...corpusResult(pairs), status: 'failed' as const, utterances: [] };
    expect(rescoreResult(failed, { normalizer: 'none' })).toBe(failed);
  });

  it('refuses what the normaliser refuses (Armenian for open-asr-multilingual)', () => {
    expect(() => rescoreResult(corpusResult(pairs), { normalizer: 'open-asr-multilingual', language: 'hy' })).toThrow(/Armenian/);
  });
});
