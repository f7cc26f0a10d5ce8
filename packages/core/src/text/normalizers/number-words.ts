/**
 * Cardinal number words for the leaderboard's number step. The leaderboard calls Python's num2words
 * (`num2words.num2words(int(digits), lang=lang)`, keeping the digits when it raises); npm has no
 * num2words, so this uses n2words (MIT, zero dependencies, 71 languages, modelled on num2words: French
 * "vingt et un", "quatre-vingts", "deux mille cinq cents"; German "zehntausend"). Languages are the
 * ones BOTH libraries cover; like num2words, a code is tried whole, then by its first two letters
 * ("fr_BE" -> "fr"); others keep their digits. Known gaps, documented in docs/statistics.md: wording
 * can differ from num2words in places (e.g. Portuguese 2500 "dois mil quinhentos", where num2words
 * may insert "e"), and numbers of 16+ digits keep their digits (n2words wraps around on some of them).
 */
import { toCardinal as ar } from 'n2words/ar-SA';
import { toCardinal as cs } from 'n2words/cs-CZ';
import { toCardinal as da } from 'n2words/da-DK';
import { toCardinal as de } from 'n2words/de-DE';
import { toCardinal as en } from 'n2words/en-GB';
import { toCardinal as es } from 'n2words/es-ES';
import { toCardinal as fa } from 'n2words/fa-IR';
import { toCardinal as fi } from 'n2words/fi-FI';
import { toCardinal as fr } from 'n2words/fr-FR';
import { toCardinal as he } from 'n2words/he-IL';
import { toCardinal as hu } from 'n2words/hu-HU';
import { toCardinal as id } from 'n2words/id-ID';
import { toCardinal as it } from 'n2words/it-IT';
import { toCardinal as ja } from 'n2words/ja-JP';
import { toCardinal as ko } from 'n2words/ko-KR';
import { toCardinal as lt } from 'n2words/lt-LT';
import { toCardinal as lv } from 'n2words/lv-LV';
import { toCardinal as nb } from 'n2words/nb-NO';
import { toCardinal as nl } from 'n2words/nl-NL';
import { toCardinal as pl } from 'n2words/pl-PL';
import { toCardinal as pt } from 'n2words/pt-PT';
import { toCardinal as ro } from 'n2words/ro-RO';
import { toCardinal as ru } from 'n2words/ru-RU';
import { toCardinal as sv } from 'n2words/sv-SE';
import { toCardinal as tr } from 'n2words/tr-TR';
import { toCardinal as uk } from 'n2words/uk-UA';
import { toCardinal as vi } from 'n2words/vi-VN';
import { toCardinal as zh } from 'n2words/zh-Hans-CN';

type Cardinal = (value: bigint) => string;

/** Language code (as num2words names it) -> cardinal words. */
export const cardinalByLanguage: Readonly<Record<string, Cardinal>> = {
  ar, cs, da, de, en, es, fa, fi, fr, he, hu, id, it, ja, ko, lt, lv, nl, no: nb, pl, pt, ro, ru, sv, tr, uk, vi, zh,
};

// 15 digits: below n2words' wrap-around and num2words' per-language maxima for the languages above.
const MAX_DIGITS = 15;

/** Value of one Unicode decimal digit (Nd digits come in contiguous runs of ten starting at zero). */
function digitValue(cp: number): number {
  let k = 0;
  while (k < 60 && /\p{Nd}/u.test(String.fromCodePoint(cp - k - 1))) k++;
  return k % 10;
}

/** Cardinal words of a run of decimal digits (any script, as Python's int() reads them), or undefined to keep the digits. */
export function cardinalWords(digits: string, lang: string): string | undefined {
  const convert = cardinalByLanguage[lang] ?? cardinalByLanguage[lang.slice(0, 2)];
  if (!convert) return undefined;
  let value = 0n;
  let count = 0;
  for (const ch of digits) {
    value = value * 10n + BigInt(digitValue(ch.codePointAt(0)!));
    count++;
  }
  // Leading zeros do not count: int("007") is 7.
  if (value.toString().length > MAX_DIGITS || count === 0) return undefined;
  return convert(value);
}
