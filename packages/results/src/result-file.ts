/**
 * One result file: `<results dir>/<config-id>.json`. Results are validated against the schema before
 * they are written (a file the gate cannot read would only fail on the next night) and written
 * atomically, so a resuming sweep, the gate and the dashboard never see half of one.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchResult } from '@parakeet-bench/core';
import { benchResultSchema, parseBenchResult } from '@parakeet-bench/core';
import { writeJsonAtomic } from '@parakeet-bench/node-io';
import { z } from 'zod';

/** File name for a config id; refuses ids that could escape the directory or hide as dot files. */
export function resultFileName(configId: string): string {
  if (!/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(configId)) {
    throw new Error(
      `config id "${configId}" is not a safe file name (letters, digits, ".", "_", "-"; no leading dot); fix the id in the sweep definition`,
    );
  }
  return `${configId}.json`;
}

/** Where the result of `configId` lives in `dir`. */
export function resultPath(dir: string, configId: string): string {
  return join(dir, resultFileName(configId));
}

/** Validates `result` (throwing a message naming the config and the invalid fields) and writes it atomically. */
export async function writeResult(path: string, result: BenchResult): Promise<void> {
  const parsed = benchResultSchema.safeParse(result);
  if (!parsed.success) {
    throw new Error(`result of ${result.config?.id ?? '?'} is invalid, not written to ${path}: ${z.prettifyError(parsed.error)}`);
  }
  await writeJsonAtomic(path, result);
}

/**
 * The result stored at `path`, or null when there is none. An unreadable or invalid file also gives
 * null with its reason, so a resuming sweep reruns the config (and says why) instead of trusting it.
 */
export async function readResultFile(path: string): Promise<{ result: BenchResult } | { result: null; reason: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { result: null, reason: code === 'ENOENT' ? 'no result yet' : `unreadable (${code ?? (e as Error).message})` };
  }
  try {
    return { result: parseBenchResult(text, path) };
  } catch (e) {
    return { result: null, reason: (e as Error).message };
  }
}

/** JSON with keys sorted at every level: two results are "the same" when these strings are equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
