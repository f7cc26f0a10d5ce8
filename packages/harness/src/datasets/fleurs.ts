/**
 * The `fleurs` dataset kind: one split of one language of a google/fleurs snapshot, read in its hub
 * layout (see fleurs-layout.ts). The split's tarball is extracted once into a folder beside it.
 *
 * References are the RAW transcriptions (the FLoRes sentence with its casing and punctuation), not
 * FLEURS' own normalized column: our scorer normalises every reference and every hypothesis with one
 * function (NFC, lowercase, punctuation to space, accents kept), so starting from the raw text keeps
 * FLEURS scored exactly like every other corpus instead of through a second, different normaliser.
 */
import { readdir } from 'node:fs/promises';
import { readUtf8File } from '@parakeet-bench/node-io';
import { extname, join } from 'node:path';
import { loadAudioFile } from './audio-file.ts';
import type { LoadedUtterance } from '@parakeet-bench/core';
import { fleursFetchCommand, fleursPaths, type FleursSplit } from './fleurs-layout.ts';
import { ensureExtracted } from './tar-extract.ts';

/** One row of a FLEURS split table. */
export interface FleursRow {
  /** 1-based line in the TSV, for messages. */
  readonly line: number;
  /** Sentence id (shared by every speaker reading the same sentence). */
  readonly id: string;
  /** WAV name inside the split's tarball (unique per recording). */
  readonly fileName: string;
  readonly rawTranscription: string;
  readonly transcription: string;
}

/** A `fleurs` dataset entry, as the sweep spec defines it. */
export interface FleursDatasetSpec {
  readonly dir: string;
  readonly lang: string;
  readonly split: FleursSplit;
  readonly limit?: number | undefined;
}

/** Parses a FLEURS split table (tab-separated, no header, no quoting); `source` names the file in errors. */
export function parseFleursTsv(text: string, source: string): FleursRow[] {
  const rows: FleursRow[] = [];
  text.split('\n').forEach((raw, i) => {
    const lineText = raw.replace(/\r$/, '');
    if (lineText.trim() === '') return;
    const line = i + 1;
    const cols = lineText.split('\t');
    if (cols.length < 4) {
      throw new Error(`${source}:${line}: expected tab-separated id, file name, raw transcription, transcription, ... (got ${cols.length} column${cols.length === 1 ? '' : 's'}); is this a FLEURS split table?`);
    }
    const [id, fileName, rawTranscription, transcription] = cols as [string, string, string, string];
    if (fileName === '' || fileName.includes('/') || fileName.includes('\\') || fileName === '.' || fileName === '..') {
      throw new Error(`${source}:${line}: file name ${JSON.stringify(fileName)} is not a plain file name`);
    }
    rows.push({ line, id, fileName, rawTranscription, transcription });
  });
  return rows;
}

/** Maps each file name under `dir` (recursively) to its path; tarballs nest WAVs under `<split>/`. */
async function indexByName(dir: string): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (e.isFile() && !index.has(e.name)) index.set(e.name, join(e.parentPath, e.name));
  }
  return index;
}

async function readTable(path: string, fetch: string): Promise<string> {
  try {
    return await readUtf8File(path, 'FLEURS split table');
  } catch (e) {
    const message = (e as Error).message;
    throw new Error(message.endsWith('FLEURS split table not found') ? `${message}; fetch the split with: ${fetch}` : message);
  }
}

/**
 * The files a FLEURS split is made of: its table (the references) and its audio tarball (hashed
 * whole: the extraction is derived from it).
 */
export function fleursFiles(spec: FleursDatasetSpec): { descriptors: string[]; audio: string[] } {
  const paths = fleursPaths(spec.dir, spec.lang, spec.split);
  return { descriptors: [paths.tsv], audio: [paths.archive] };
}

/**
 * Loads `limit` (default all) utterances of a FLEURS split in table order, extracting the split's
 * tarball on first use. Errors name the missing file and the `bench data fetch` command.
 */
export async function loadFleurs(spec: FleursDatasetSpec): Promise<LoadedUtterance[]> {
  const paths = fleursPaths(spec.dir, spec.lang, spec.split);
  const fetch = fleursFetchCommand(spec.dir, spec.lang, spec.split);
  const rows = parseFleursTsv(await readTable(paths.tsv, fetch), paths.tsv);
  if (rows.length === 0) throw new Error(`${paths.tsv}: the FLEURS split table is empty; delete it and fetch again with: ${fetch}`);
  try {
    await ensureExtracted(paths.archive, paths.extracted);
  } catch (e) {
    const message = (e as Error).message;
    throw new Error(message.endsWith('archive not found') ? `${paths.archive}: FLEURS audio tarball not found; fetch the split with: ${fetch}` : message);
  }
  const index = await indexByName(paths.extracted);
  const items: LoadedUtterance[] = [];
  for (const row of spec.limit === undefined ? rows : rows.slice(0, spec.limit)) {
    const audio = index.get(row.fileName);
    if (audio === undefined) {
      throw new Error(`${paths.archive} has no ${row.fileName} (listed at ${paths.tsv}:${row.line}); the tarball and table do not match: delete both and ${paths.extracted}, then fetch again with: ${fetch}`);
    }
    const { samples } = await loadAudioFile(audio);
    items.push({ id: row.fileName.slice(0, row.fileName.length - extname(row.fileName).length), audio, reference: row.rawTranscription.trim(), samples });
  }
  return items;
}
