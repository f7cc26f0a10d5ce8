import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.ts';

describe('normalizeText', () => {
  it('lowercases, keeps accents, turns punctuation into spaces and collapses them', () => {
    expect(normalizeText('  Il a ajouté qu’« on ne devrait pas ! »  ')).toBe('il a ajouté qu on ne devrait pas');
  });

  it('turns every apostrophe variant into a space (documented choice)', () => {
    expect(normalizeText("L'été, l’été, lʼété")).toBe('l été l été l été');
  });

  it('composes to NFC so decomposed and precomposed accents compare equal', () => {
    const decomposed = 'E\u0301te\u0301'; // É + été written with combining acute accents
    expect(normalizeText(decomposed)).toBe('été');
    expect(normalizeText(decomposed)).toBe(normalizeText('ÉTÉ'));
  });

  it('splits hyphenated words and scores, maps symbols to spaces, drops invisible format chars', () => {
    expect(normalizeText('États-Unis : 6-6, 20 % — 3€ +1')).toBe('états unis 6 6 20 3 1');
    expect(normalizeText('dé\u00ADve\u200Bloppement\tfin\nligne')).toBe('développement fin ligne');
  });

  it('is idempotent on the FLEURS-style normalised transcripts', () => {
    const s = "nous sommes d'accord avec la déclaration de l'usoc comité olympique des états-unis";
    expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
    expect(normalizeText('...')).toBe('');
  });
});
