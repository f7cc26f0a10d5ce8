/**
 * Where FLEURS lives in its Hugging Face dataset repo (google/fleurs), as its loading script
 * fleurs.py reads it: `data/<lang>/<split>.tsv` (no header; columns id, file name, raw
 * transcription, normalized transcription, character transcription, number of samples, gender) and
 * `data/<lang>/audio/<split>.tar.gz` (the split's WAVs, members `<split>/<file name>`). The
 * validation split is stored under the name `dev`.
 */
import { basename, dirname, join } from 'node:path';

/** Hub id of the FLEURS dataset repo. */
export const FLEURS_REPO = 'google/fleurs';

/** Directory name `bench data fetch` gives a snapshot of the repo (as `bench model fetch` does). */
export const FLEURS_DIR_NAME = 'google__fleurs';

/** Splits by their usual names. */
export const FLEURS_SPLITS = ['validation', 'test', 'train'] as const;
/** One FLEURS split. */
export type FleursSplit = (typeof FLEURS_SPLITS)[number];

const SPLIT_FILE: Record<FleursSplit, string> = { validation: 'dev', test: 'test', train: 'train' };

/**
 * FLEURS language configs are lowercase, underscore-separated BCP-47 tags (fr_fr, es_419,
 * cmn_hans_cn). The pattern also keeps the code safe to use as a path segment.
 */
export const FLEURS_LANG_PATTERN = /^[a-z]{2,3}(?:_[a-z0-9]{2,4})+$/;

/** Repo-relative paths of one split's files. */
export interface FleursFiles {
  readonly tsv: string;
  readonly archive: string;
}

/** The two repo files of `lang`/`split` (throws on a malformed language code). */
export function fleursRepoFiles(lang: string, split: FleursSplit): FleursFiles {
  if (!FLEURS_LANG_PATTERN.test(lang)) {
    throw new Error(`"${lang}" is not a FLEURS language code: use a config name such as fr_fr, en_us or cmn_hans_cn`);
  }
  const file = SPLIT_FILE[split];
  return { tsv: `data/${lang}/${file}.tsv`, archive: `data/${lang}/audio/${file}.tar.gz` };
}

/** Absolute paths of one split inside a snapshot directory, plus the extraction folder beside the tarball. */
export function fleursPaths(dir: string, lang: string, split: FleursSplit): FleursFiles & { readonly extracted: string } {
  const files = fleursRepoFiles(lang, split);
  const archive = join(dir, ...files.archive.split('/'));
  return { tsv: join(dir, ...files.tsv.split('/')), archive, extracted: archive.replace(/\.tar\.gz$/, '.extracted') };
}

/** The command that fetches a split into `dir` (a snapshot folder named google__fleurs). */
export function fleursFetchCommand(dir: string, lang: string, split: FleursSplit): string {
  const root = basename(dir) === FLEURS_DIR_NAME ? ` --dir ${dirname(dir)}` : '';
  const note = root ? '' : ` (it writes <root>/${FLEURS_DIR_NAME}; point "dir" at that folder)`;
  return `npx bench data fetch fleurs --lang ${lang} --split ${split}${root}${note}`;
}
