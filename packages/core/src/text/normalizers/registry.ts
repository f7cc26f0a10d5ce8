/**
 * The selectable normalisers, one lookup map keyed by id (sweep files, --normalizer, stored results).
 * Sources and behaviour per id: docs/statistics.md ("Normalisers").
 */
import { defaultNormalizer } from './default.ts';
import { noNormalization } from './none.ts';
import { openAsrMultilingualLegacy } from './open-asr-multilingual-legacy.ts';
import { openAsrMultilingual } from './open-asr-multilingual.ts';
import type { Normalizer } from './types.ts';
import { whisperBasicRemoveDiacritics } from './whisper-basic-remove-diacritics.ts';
import { whisperBasic } from './whisper-basic.ts';

/** Valid normaliser ids, as a tuple for `z.enum(normalizerIds)`. */
export const normalizerIds = ['default', 'whisper-basic', 'whisper-basic-remove-diacritics', 'open-asr-multilingual', 'open-asr-multilingual-legacy', 'none'] as const;

/** A valid normaliser id. */
export type NormalizerId = (typeof normalizerIds)[number];

/** Normaliser by id. */
export const normalizers: Readonly<Record<NormalizerId, Normalizer>> = {
  default: defaultNormalizer,
  'whisper-basic': whisperBasic,
  'whisper-basic-remove-diacritics': whisperBasicRemoveDiacritics,
  'open-asr-multilingual': openAsrMultilingual,
  'open-asr-multilingual-legacy': openAsrMultilingualLegacy,
  none: noNormalization,
};

/** True when `id` names a normaliser. */
export function isNormalizerId(id: string): id is NormalizerId {
  return Object.hasOwn(normalizers, id);
}

/**
 * The normaliser `id` with the dataset language bound (used by open-asr-multilingual's number step,
 * ignored by the others). Throws naming the valid ids when `id` is unknown.
 */
export function getNormalizer(id: string, lang?: string): (text: string) => string {
  if (!isNormalizerId(id)) throw new Error(`unknown normalizer "${id}"; valid ids: ${normalizerIds.join(', ')}`);
  const normalize = normalizers[id];
  return (text) => normalize(text, lang);
}
