/**
 * Refreshing the committed baseline from a run. Hypotheses stay (the gate compares them exactly);
 * what would make every baseline diff noisy without informing the gate goes: timestamps, stack
 * traces and absolute paths (which differ per machine and cache location).
 */
import { rm, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import type { BenchResult } from '@parakeet-bench/core';
import { parseBenchResult } from '@parakeet-bench/core';
import { writeFileAtomic } from '@parakeet-bench/node-io';
import type { StoredResult } from '@parakeet-bench/results';
import { canonicalJson, resultFileName, scanResultsStrict } from '@parakeet-bench/results';

/** Options of {@link writeBaseline}. */
export interface WriteBaselineOptions {
  /** Delete baseline files of configs absent from the current run (default false: a partial run keeps them). */
  prune?: boolean;
  /** Absolute paths under this directory become relative to it (default: the working directory). */
  root?: string;
}

/** What {@link writeBaseline} did. */
export interface BaselineSummary {
  written: string[];
  unchanged: string[];
  /** Baseline config ids absent from the current run (deleted when `prune`). */
  stale: string[];
  pruned: boolean;
  /** Config ids whose baseline status is not `ok` (the gate will report them as still failing). */
  notOk: string[];
}

/** An absolute path made machine-independent: relative to `root` when inside it, else its file name. */
export function portablePath(path: string, root: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(root, path);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return (inside ? rel : basename(path)).split(sep).join('/');
}

type Json = Record<string, unknown>;

/** The raw result JSON with timestamps, stacks and absolute paths removed; unknown fields kept. */
export function sanitizeForBaseline(raw: unknown, root: string): Json {
  const out = structuredClone(raw) as Json;
  // Empty, not deleted: the schema requires the fields; '' reads as "not recorded".
  out.startedAt = '';
  out.finishedAt = '';
  const error = out.error as Json | undefined;
  if (error) delete error.stack;
  const model = out.model as Json | undefined;
  if (model && typeof model.dir === 'string') model.dir = portablePath(model.dir, root);
  const provenanceModel = (out.provenance as Json | undefined)?.model as Json | undefined;
  if (provenanceModel && typeof provenanceModel.dir === 'string') provenanceModel.dir = portablePath(provenanceModel.dir, root);
  const items = [...((out.utterances as Json[] | undefined) ?? []), ...(((out.longPass as Json | undefined)?.sections as Json[] | undefined) ?? [])];
  for (const item of items) if (typeof item.audio === 'string') item.audio = portablePath(item.audio, root);
  return out;
}

/** The repeat to keep: the ok one with the median rtfx (a real measurement, not an average). */
function representative(files: StoredResult[]): StoredResult {
  const ok = files.filter((f) => f.result.status === 'ok');
  if (ok.length === 0) return files[0]!;
  const timed = ok.filter((f) => f.result.timing).sort((a, b) => a.result.timing!.rtfx - b.result.timing!.rtfx);
  return timed[(timed.length - 1) >> 1] ?? ok[0]!;
}

async function readExisting(dir: string): Promise<StoredResult[]> {
  // A missing baseline directory is a first baseline; an unreadable file in it is still an error.
  if (!(await stat(dir).catch(() => null))?.isDirectory()) return [];
  // Flat only: baselines of other sweeps may live in subdirectories (results/baseline/<sweep>).
  return (await scanResultsStrict(dir, { recursive: false })).results;
}

/**
 * Copies the results under `currentDir` into `baselineDir` as `<config-id>.json`, one per config
 * (several repeats collapse to the median-rtfx one), sanitized by {@link sanitizeForBaseline}.
 * Everything is read and validated before the first write; each write is atomic.
 */
export async function writeBaseline(currentDir: string, baselineDir: string, options: WriteBaselineOptions = {}): Promise<BaselineSummary> {
  const root = options.root ?? process.cwd();
  const set = await scanResultsStrict(currentDir);
  if (set.results.length === 0) throw new Error(`${currentDir}: no result files to make a baseline from; run \`bench run\` first`);
  const groups = new Map<string, StoredResult[]>();
  for (const f of set.results) groups.set(f.result.config.id, [...(groups.get(f.result.config.id) ?? []), f]);

  const planned: { target: string; text: string; canonical: string; result: BenchResult }[] = [];
  for (const [id, files] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const chosen = representative(files);
    const clean = sanitizeForBaseline(chosen.raw, root);
    const text = `${JSON.stringify(clean, null, 2)}\n`;
    // Re-validate: a baseline the gate cannot read would only fail on the next run.
    const result = parseBenchResult(text, `${chosen.source} (sanitized for the baseline)`);
    planned.push({ target: join(baselineDir, resultFileName(id)), text, canonical: canonicalJson(clean), result });
  }

  const previous = await readExisting(baselineDir);
  const previousCanonical = new Map(previous.map((f) => [f.source, canonicalJson(f.raw)]));
  const summary: BaselineSummary = { written: [], unchanged: [], stale: [], pruned: options.prune ?? false, notOk: [] };
  for (const p of planned) {
    if (p.result.status !== 'ok') summary.notOk.push(p.result.config.id);
    if (previousCanonical.get(p.target) === p.canonical) {
      summary.unchanged.push(p.target);
      continue;
    }
    await writeFileAtomic(p.target, p.text);
    summary.written.push(p.target);
  }
  const targets = new Set(planned.map((p) => p.target));
  for (const f of previous) {
    const id = f.result.config.id;
    const ownFile = !f.source.endsWith(']');
    if (groups.has(id)) {
      // Same config under another file name: remove it, or the gate would read two repeats.
      if (ownFile && !targets.has(f.source)) await rm(f.source, { force: true });
      continue;
    }
    summary.stale.push(id);
    // An element of an array file has no file of its own to delete: keep it and let the gate say so.
    if (options.prune && ownFile) await rm(f.source, { force: true });
  }
  return summary;
}
