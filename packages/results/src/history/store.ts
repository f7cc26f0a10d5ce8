/**
 * The history store: a directory (the checkout of the `bench-history` data branch in CI) holding one
 * directory per night, `nights/<run id>/`, with the night's compact result files and its night.json.
 * `store.json` at the root marks the directory as a store, so a results directory passed by mistake
 * is refused instead of being pruned by the retention rules.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJsonAtomic } from '@parakeet-bench/node-io';
import type { StoredResult } from '../scan-results.ts';
import { scanResultsStrict } from '../scan-results.ts';
import type { Night } from './night-file.ts';
import { readNightFile } from './night-file.ts';

/** The marker file at the root of a store. */
export const STORE_FILE = 'store.json';
/** Where the nights live inside a store. */
export const NIGHTS_DIR = 'nights';
const STORE_VERSION = 1;

/** One night read back from a store. */
export interface StoredNight {
  readonly dir: string;
  readonly night: Night;
  readonly results: StoredResult[];
}

const isMissing = (e: unknown): boolean => (e as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Makes `store` a history store: creates it (and its marker) when it is missing or empty (dot entries
 * such as `.git` do not count); accepts an existing store; refuses any other directory.
 */
export async function ensureStore(store: string): Promise<void> {
  const entries: string[] = await readdir(store).catch((e: unknown) => {
    if (isMissing(e)) return [];
    throw e;
  });
  if (entries.includes(STORE_FILE)) {
    await readStoreMarker(store);
    return;
  }
  const visible = entries.filter((n) => !n.startsWith('.'));
  if (visible.length > 0) {
    throw new Error(
      `${store} is not a history store (no ${STORE_FILE}, but it holds ${visible.slice(0, 3).join(', ')}${visible.length > 3 ? ', ...' : ''}); pass the checkout of the history branch, or an empty directory to start one`,
    );
  }
  await writeJsonAtomic(join(store, STORE_FILE), { historyStoreVersion: STORE_VERSION, layout: `${NIGHTS_DIR}/<run id>/{night.json,<config-id>.json}` });
}

async function readStoreMarker(store: string): Promise<void> {
  const path = join(store, STORE_FILE);
  let version: unknown;
  try {
    version = (JSON.parse(await readFile(path, 'utf8')) as { historyStoreVersion?: unknown }).historyStoreVersion;
  } catch (e) {
    throw new Error(`${path}: unreadable store marker (${(e as Error).message}); restore it from the history branch`);
  }
  if (version !== STORE_VERSION) {
    throw new Error(`${path}: history store version ${String(version)} is not the supported ${STORE_VERSION}; use the bench version that wrote it, or start a new store`);
  }
}

/** True when `store` exists and carries the store marker (a missing store is an empty history). */
export async function isStore(store: string): Promise<boolean> {
  const info = await stat(join(store, STORE_FILE)).catch(() => undefined);
  if (!info) return false;
  await readStoreMarker(store);
  return true;
}

/**
 * Every night of the store, oldest first (by finishedAt, then run id). Throws naming the file on a
 * night directory without a valid night.json or with an invalid result file.
 */
export async function readNights(store: string): Promise<StoredNight[]> {
  if (!(await isStore(store))) return [];
  const root = join(store, NIGHTS_DIR);
  const names: string[] = await readdir(root).catch((e: unknown) => {
    if (isMissing(e)) return [];
    throw e;
  });
  const nights: StoredNight[] = [];
  for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
    const dir = join(root, name);
    if (!(await stat(dir)).isDirectory()) continue;
    const night = await readNightFile(dir);
    if (!night) throw new Error(`${dir}: a night without night.json; delete the directory or record the night again with \`bench history record\``);
    const results = (await scanResultsStrict(dir, { recursive: false })).results;
    nights.push({ dir, night, results });
  }
  return nights.sort((a, b) => a.night.finishedAt.localeCompare(b.night.finishedAt) || a.night.runId.localeCompare(b.night.runId));
}
