/**
 * Loading a dataset's audio and references into memory, one loader per dataset kind (registered in
 * {@link datasetLoaders}; the sweep schema in sweep-spec.ts lists the kinds and their fields).
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import type { LoadedCorpus, LoadedDataset, LoadedLong, LoadedUtterance } from '@parakeet-bench/core';
import { parseNemoManifest } from '@parakeet-bench/core';
import type { DatasetSpec } from '../sweep/sweep-spec.ts';
import { loadAudioFile } from './audio-file.ts';
import { loadFleurs } from './fleurs.ts';

/** Audio extensions a folder dataset picks up (non-WAV needs ffmpeg). */
export const AUDIO_EXTENSIONS = new Set(['.wav', '.ogg', '.opus', '.mp3', '.flac', '.m4a']);

async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(err.code === 'ENOENT' ? `${path}: ${what} not found` : `${path}: cannot read ${what} (${err.message})`);
  }
}

function corpus(items: LoadedUtterance[]): LoadedCorpus {
  const kept = items.filter((u) => u.reference.trim() !== '');
  return { kind: 'corpus', utterances: kept, droppedEmptyReferences: items.length - kept.length };
}

async function loadManifest(manifest: string): Promise<LoadedCorpus> {
  const entries = parseNemoManifest(await readTextFile(manifest, 'manifest'), manifest);
  const base = dirname(manifest);
  const items = [];
  for (const e of entries) {
    const audio = isAbsolute(e.audioFilepath) ? e.audioFilepath : join(base, e.audioFilepath);
    const { samples } = await loadAudioFile(audio, e.offsetSec, e.durationSec);
    items.push({ id: `${basename(audio)}#L${e.line}`, audio, reference: e.text, samples });
  }
  return corpus(items);
}

async function loadFolder(dir: string): Promise<LoadedCorpus> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    throw new Error(`${dir}: dataset folder not found or unreadable`);
  }
  const audioFiles = names.filter((n) => AUDIO_EXTENSIONS.has(extname(n).toLowerCase()));
  if (audioFiles.length === 0) {
    throw new Error(`${dir}: no audio files (${[...AUDIO_EXTENSIONS].join(' ')}) in the dataset folder`);
  }
  const items = [];
  for (const name of audioFiles) {
    const stem = name.slice(0, -extname(name).length);
    const txt = join(dir, `${stem}.txt`);
    const reference = await readTextFile(txt, `transcript for ${name} (folder datasets pair each audio file with <name>.txt)`);
    const { samples } = await loadAudioFile(join(dir, name));
    items.push({ id: stem, audio: join(dir, name), reference: reference.trim(), samples });
  }
  return corpus(items);
}

async function loadLong(spec: Extract<DatasetSpec, { kind: 'long' }>): Promise<LoadedLong> {
  const { samples } = await loadAudioFile(spec.audio, 0, spec.maxSec);
  const humanReference = spec.referenceText ? (await readTextFile(spec.referenceText, 'reference transcript')).trim() : undefined;
  return { kind: 'long', audio: spec.audio, samples, sectionSec: spec.sectionSec, ...(humanReference !== undefined ? { humanReference } : {}) };
}

type Loader<K extends DatasetSpec['kind']> = (spec: Extract<DatasetSpec, { kind: K }>) => Promise<LoadedDataset>;

/** One loader per dataset kind. */
export const datasetLoaders: { readonly [K in DatasetSpec['kind']]: Loader<K> } = {
  manifest: (spec) => loadManifest(resolve(spec.manifest)),
  folder: (spec) => loadFolder(resolve(spec.dir)),
  long: loadLong,
  fleurs: (spec) => loadFleurs({ ...spec, dir: resolve(spec.dir) }).then(corpus),
};

/** Loads a dataset's audio and references into memory. */
export function loadDataset(spec: DatasetSpec): Promise<LoadedDataset> {
  const load = datasetLoaders[spec.kind] as Loader<DatasetSpec['kind']>;
  return load(spec);
}
