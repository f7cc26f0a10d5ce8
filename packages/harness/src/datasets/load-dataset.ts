/**
 * Datasets, one entry per kind in {@link datasetKinds}: how to load its audio and references into
 * memory, and which files it is made of (what provenance hashes, so a changed manifest or audio file
 * is never scored under an old result). The sweep schema (sweep-spec.ts) lists the kinds' fields.
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import type { LoadedCorpus, LoadedDataset, LoadedLong, LoadedUtterance, ManifestEntry } from '@parakeet-bench/core';
import { parseNemoManifest } from '@parakeet-bench/core';
import { readUtf8File } from '@parakeet-bench/node-io';
import type { DatasetSpec } from '../sweep/sweep-spec.ts';
import { loadAudioFile } from './audio-file.ts';
import { fleursFiles, loadFleurs } from './fleurs.ts';

/** Audio extensions a folder dataset picks up (non-WAV needs ffmpeg). */
export const AUDIO_EXTENSIONS = new Set(['.wav', '.ogg', '.opus', '.mp3', '.flac', '.m4a']);

/** The files a dataset is made of: those describing it (manifest, transcripts) and its audio. */
export interface DatasetFiles {
  readonly descriptors: string[];
  readonly audio: string[];
}

function corpus(utterances: LoadedUtterance[]): LoadedCorpus {
  // Empty references stay: the scorer counts their insertions (jiwer 4 / sclite) and reports them.
  return { kind: 'corpus', utterances };
}

async function manifestEntries(manifest: string): Promise<{ entry: ManifestEntry; audio: string }[]> {
  const entries = parseNemoManifest(await readUtf8File(manifest, 'manifest'), manifest);
  const base = dirname(manifest);
  return entries.map((entry) => ({ entry, audio: isAbsolute(entry.audioFilepath) ? entry.audioFilepath : join(base, entry.audioFilepath) }));
}

async function loadManifest(manifest: string): Promise<LoadedCorpus> {
  const items: LoadedUtterance[] = [];
  for (const { entry, audio } of await manifestEntries(manifest)) {
    const { samples } = await loadAudioFile(audio, entry.offsetSec, entry.durationSec);
    items.push({ id: `${basename(audio)}#L${entry.line}`, audio, reference: entry.text, samples });
  }
  return corpus(items);
}

async function folderAudio(dir: string): Promise<string[]> {
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
  return audioFiles;
}

const transcriptOf = (dir: string, name: string): string => join(dir, `${name.slice(0, -extname(name).length)}.txt`);

async function loadFolder(dir: string): Promise<LoadedCorpus> {
  const items: LoadedUtterance[] = [];
  for (const name of await folderAudio(dir)) {
    const reference = await readUtf8File(transcriptOf(dir, name), `transcript for ${name} (folder datasets pair each audio file with <name>.txt)`);
    const { samples } = await loadAudioFile(join(dir, name));
    items.push({ id: name.slice(0, -extname(name).length), audio: join(dir, name), reference: reference.trim(), samples });
  }
  return corpus(items);
}

async function loadLong(spec: Extract<DatasetSpec, { kind: 'long' }>): Promise<LoadedLong> {
  const { samples } = await loadAudioFile(spec.audio, 0, spec.maxSec);
  const humanReference = spec.referenceText ? (await readUtf8File(spec.referenceText, 'reference transcript')).trim() : undefined;
  return { kind: 'long', audio: spec.audio, samples, sectionSec: spec.sectionSec, ...(humanReference !== undefined ? { humanReference } : {}) };
}

/** How one dataset kind is loaded and which files it is made of. */
interface DatasetKind<K extends DatasetSpec['kind']> {
  load(spec: Extract<DatasetSpec, { kind: K }>): Promise<LoadedDataset>;
  files(spec: Extract<DatasetSpec, { kind: K }>): Promise<DatasetFiles>;
}

/** One entry per dataset kind. */
export const datasetKinds: { readonly [K in DatasetSpec['kind']]: DatasetKind<K> } = {
  manifest: {
    load: (spec) => loadManifest(resolve(spec.manifest)),
    files: async (spec) => {
      const manifest = resolve(spec.manifest);
      return { descriptors: [manifest], audio: [...new Set((await manifestEntries(manifest)).map((e) => e.audio))] };
    },
  },
  folder: {
    load: (spec) => loadFolder(resolve(spec.dir)),
    files: async (spec) => {
      const dir = resolve(spec.dir);
      const audio = await folderAudio(dir);
      return { descriptors: audio.map((n) => transcriptOf(dir, n)), audio: audio.map((n) => join(dir, n)) };
    },
  },
  long: {
    load: loadLong,
    files: async (spec) => ({ descriptors: spec.referenceText ? [resolve(spec.referenceText)] : [], audio: [resolve(spec.audio)] }),
  },
  fleurs: {
    load: (spec) => loadFleurs({ ...spec, dir: resolve(spec.dir) }).then(corpus),
    files: async (spec) => fleursFiles({ ...spec, dir: resolve(spec.dir) }),
  },
};

function kindOf<K extends DatasetSpec['kind']>(spec: Extract<DatasetSpec, { kind: K }>): DatasetKind<K> {
  return datasetKinds[spec.kind as K] as unknown as DatasetKind<K>;
}

/** Loads a dataset's audio and references into memory. */
export function loadDataset(spec: DatasetSpec): Promise<LoadedDataset> {
  return kindOf(spec).load(spec);
}

/** The files a dataset is made of (nothing is decoded). */
export function datasetFiles(spec: DatasetSpec): Promise<DatasetFiles> {
  return kindOf(spec).files(spec);
}
