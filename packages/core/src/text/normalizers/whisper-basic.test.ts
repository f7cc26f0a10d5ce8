import { describe, expect, it } from 'vitest';
import { whisperBasicRemoveDiacritics } from './whisper-basic-remove-diacritics.ts';
import { whisperBasic } from './whisper-basic.ts';

// Expected strings were produced by the published Python (whisper/normalizers/basic.py under
// CPython 3.11, unicodedata 14.0) on the same inputs.
describe('whisper-basic (BasicTextNormalizer)', () => {
  it('documented behaviour: lowercase, bracketed spans dropped, M/S/P to spaces, whitespace collapsed, ends NOT stripped', () => {
    expect(whisperBasic('[rires] bonjour <unk> (inaudible) monde (x) () [a (b] c)')).toBe(' bonjour monde c ');
    expect(whisperBasic('deux\ttabs\nnewline\u00a0nbsp\u202fnnbsp\u001cfs')).toBe('deux tabs newline nbsp nnbsp fs');
  });

  it('French elisions and guillemets: apostrophes of every kind and « » become spaces; ʼ (a letter) stays', () => {
    expect(whisperBasic('  Il a ajouté qu’« on ne devrait pas ! »  ')).toBe(' il a ajouté qu on ne devrait pas ');
    expect(whisperBasic("L'été, l’été, lʼété")).toBe('l été l été lʼété');
    expect(whisperBasic('qu’il')).toBe('qu il');
    expect(whisperBasic('« Bonjour », dit-il — « ça va ? »')).toBe(' bonjour dit il ça va ');
  });

  it('numbers: separators become spaces, so 3,5 / 3.5 / 1 000 / 1,000 all split', () => {
    expect(whisperBasic('Il a payé 3,5 € soit 3.5 euros pour 1 000 ou 1,000 objets')).toBe('il a payé 3 5 soit 3 5 euros pour 1 000 ou 1 000 objets');
    expect(whisperBasic('Ça coûte 20 % de plus : 1/2 ou ½, 2² m²')).toBe('ça coûte 20 de plus 1 2 ou 1 2 22 m2');
  });

  it('NFD input composes (NFKC); ligatures: ﬁ ﬂ decompose, œ æ ß stay', () => {
    expect(whisperBasic('E\u0301te\u0301 à Montréal')).toBe('été à montréal');
    expect(whisperBasic('œuvre, Œdipe, ﬁnal, ﬂeur, æther, straße, Łódź')).toBe('œuvre œdipe final fleur æther straße łódź');
  });

  it('zero-width and format characters are kept (they are not M/S/P), as in the source', () => {
    expect(whisperBasic('a\u200bb a\u00adb')).toBe('a\u200bb a\u00adb');
  });

  it('combining marks that NFKC cannot compose become spaces (why the leaderboard later kept marks)', () => {
    expect(whisperBasic('हिन्दी')).toBe('ह न द ');
  });
});

describe('whisper-basic-remove-diacritics', () => {
  it('strips accents (NFKD, Mn dropped) and spells the letters NFKD keeps: œ -> oe, ß -> ss, ł -> l', () => {
    expect(whisperBasicRemoveDiacritics('E\u0301te\u0301 à Montréal')).toBe('ete a montreal');
    expect(whisperBasicRemoveDiacritics('œuvre, Œdipe, ﬁnal, ﬂeur, æther, straße, Łódź')).toBe('oeuvre oedipe final fleur aether strasse lodz');
    expect(whisperBasicRemoveDiacritics("C'EST L'ÉTÉ À L'ÎLE")).toBe('c est l ete a l ile');
  });

  it('keeps the other whisper-basic rules (brackets, spaces at the ends, digits)', () => {
    expect(whisperBasicRemoveDiacritics('  Il a ajouté qu’« on ne devrait pas ! »  ')).toBe(' il a ajoute qu on ne devrait pas ');
    expect(whisperBasicRemoveDiacritics('3 500 000,50 €')).toBe('3 500 000 50 ');
  });
});
