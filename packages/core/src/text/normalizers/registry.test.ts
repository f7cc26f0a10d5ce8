import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normalizeText } from '../normalize.ts';
import { getNormalizer, isNormalizerId, normalizerIds, normalizers } from './registry.ts';

describe('normalizer registry', () => {
  it('lists exactly the registered ids, usable as a zod enum', () => {
    expect(Object.keys(normalizers).sort()).toEqual([...normalizerIds].sort());
    const schema = z.enum(normalizerIds);
    expect(schema.parse('whisper-basic')).toBe('whisper-basic');
    expect(() => schema.parse('whisper')).toThrow();
    expect(isNormalizerId('none')).toBe(true);
    expect(isNormalizerId('toString')).toBe(false);
  });

  it('default is today`s normalizeText; none is the exact text', () => {
    const s = '  Il a ajouté qu’« on ne devrait pas ! »  ';
    expect(getNormalizer('default')(s)).toBe(normalizeText(s));
    expect(getNormalizer('none')(s)).toBe(s);
  });

  it('binds the language for the number step', () => {
    expect(getNormalizer('open-asr-multilingual', 'fr')('Il a 21 ans.')).toBe('il a vingt et un ans');
    expect(getNormalizer('open-asr-multilingual')('Il a 21 ans.')).toBe('il a 21 ans');
    expect(getNormalizer('whisper-basic', 'fr')('Il a 21 ans.')).toBe('il a 21 ans ');
  });

  it('refuses an unknown id, naming the valid ones', () => {
    expect(() => getNormalizer('jiwer')).toThrow('unknown normalizer "jiwer"; valid ids: default, whisper-basic, whisper-basic-remove-diacritics, open-asr-multilingual, open-asr-multilingual-legacy, none');
  });
});
