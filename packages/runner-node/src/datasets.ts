import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { parseNemoManifest } from '@parakeet-bench/core';
import { loadAudioFile } from './audio-file.ts';
import { loadFleurs } from './fleurs.ts';
import type { DatasetSpec } from './sweep-spec.ts';

/** One utterance with its audio loaded. */
export interface LoadedUtterance {
  readonly id: string;
  readonly audio: string;
  readonly reference: string;
  readonly samples: Float32Array;
}

/** A corpus with audio in memory; utterances with an empty reference are dropped and counted. */
export interface LoadedCorpus {
  readonly kind: 'corpus';
  readonly utterances: LoadedUtterance[];
  readonly droppedEmptyReferences: number;
}

/** The long-pass recording, cut to the protocol's first maxSec seconds. */
export interface LoadedLong {
  readonly kind: 'long';
  readonly audio: string;
  readonly samples: Float32Array;
  readonly humanReference?: string;
}

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

function corpus(items: { id: string; audio: string; reference: string; samples: Float32Array }[]): LoadedCorpus {
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
  return { kind: 'long', audio: spec.audio, samples, ...(humanReference !== undefined ? { humanReference } : {}) };
}

/** Loads a dataset's audio and references into memory. */
export function loadDataset(spec: DatasetSpec): Promise<LoadedCorpus | LoadedLong> {
  switch (spec.kind) {
    case 'manifest':
      return loadManifest(resolve(spec.manifest));
    case 'folder':
      return loadFolder(resolve(spec.dir));
    case 'long':
      return loadLong(spec);
    case 'fleurs':
      return loadFleurs({ ...spec, dir: resolve(spec.dir) }).then(corpus);
  }
}
