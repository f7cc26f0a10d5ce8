/**
 * Provenance: exactly which inputs make a config's result. Computed by the sweep before a config runs
 * (so a finished result is reused only while it still matches), stored in the result by the worker,
 * and compared field by field to say why a config reruns ("encoder-model.int8.onnx changed").
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { FileHash, ModelVariant, Provenance } from '@parakeet-bench/core';
import type { HashCache } from '@parakeet-bench/node-io';
import { canonicalJson } from '@parakeet-bench/results';
import { backends } from '../backends.ts';
import { datasetFiles } from '../datasets/load-dataset.ts';
import type { DatasetSpec } from '../sweep/sweep-spec.ts';
import type { ConfigJob } from '../worker/job.ts';
import { harnessInfo } from './harness-info.ts';
import { modelFilesOf } from './model-files.ts';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

async function hashFiles(paths: readonly string[], base: string, hashes: HashCache, roles?: readonly string[]): Promise<FileHash[]> {
  const out: FileHash[] = [];
  for (const [i, path] of paths.entries()) {
    const rel = relative(base, path);
    const file = rel.startsWith('..') ? path : rel.split(sep).join('/');
    const role = roles?.[i];
    out.push({ file, bytes: (await stat(path)).size, sha256: await hashes.hash(path), ...(role ? { role } : {}) });
  }
  return out;
}

/** Hashes of every file `variant` loads, relative to its directory, with their roles. */
export async function modelFileHashes(variant: ModelVariant, hashes: HashCache): Promise<FileHash[]> {
  const files = await modelFilesOf(variant);
  return hashFiles(
    files.map((f) => join(variant.dir, f.file)),
    resolve(variant.dir),
    hashes,
    files.map((f) => f.role),
  );
}

const PATH_FIELDS = new Set(['manifest', 'dir', 'audio', 'referenceText']);

/** The folder a dataset's files are named relative to. */
function datasetBase(spec: DatasetSpec): string {
  if (spec.kind === 'manifest') return dirname(resolve(spec.manifest));
  if (spec.kind === 'long') return dirname(resolve(spec.audio));
  return resolve(spec.dir);
}

/** A dataset's descriptors hashed one by one, its audio as one digest over sorted (path, bytes, sha256). */
export async function datasetFingerprint(spec: DatasetSpec, hashes: HashCache): Promise<Provenance['dataset']> {
  const files = await datasetFiles(spec);
  const base = datasetBase(spec);
  const audio = (await hashFiles(files.audio, base, hashes)).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    spec: Object.fromEntries(Object.entries(spec).filter(([k]) => !PATH_FIELDS.has(k))),
    files: await hashFiles(files.descriptors, base, hashes),
    audioDigest: sha256(audio.map((a) => `${a.file}\t${a.bytes}\t${a.sha256}`).join('\n')),
    audioFiles: audio.length,
  };
}

/**
 * What the provenance of one config is computed from. The normaliser is not an input here: it only
 * scores stored hypotheses, so a result scored with another one is rescored (`scoring` in the result),
 * never decoded again.
 */
export interface ProvenanceInput {
  readonly job: ConfigJob;
  /** The oracle variant, for long datasets (its transcripts are the references). */
  readonly oracle?: ModelVariant;
  readonly hashes: HashCache;
}

/** The variant as this backend will load it (a browser loads an fp32 encoder from its sharded export). */
async function loadedVariant(job: ConfigJob): Promise<ModelVariant> {
  if (job.config.backend === 'node-cpu') return job.variant;
  const { planBrowserModel } = await import('@parakeet-bench/runner-browser');
  const plan = await planBrowserModel(job.variant, job.config.backend);
  return plan.status === 'ok' ? plan.variant : job.variant;
}

/** The provenance of a config about to run; throws when an input file cannot be read. */
export async function provenanceOf(p: ProvenanceInput): Promise<Provenance> {
  const { job } = p;
  const harness = harnessInfo();
  const entry = backends[job.config.backend];
  const variant = await loadedVariant(job);
  const body = {
    harness,
    runtime: { name: entry.runtime, version: entry.runtimeVersion() },
    repeats: job.repeats ?? 1,
    model: { dir: resolve(variant.dir), files: await modelFileHashes(variant, p.hashes) },
    dataset: await datasetFingerprint(job.dataset, p.hashes),
    ...(p.oracle ? { oracle: { variant: p.oracle.id, files: await modelFileHashes(p.oracle, p.hashes) } } : {}),
  };
  // The key covers what makes the numbers: not the model directory's location, not a dirty tree.
  const key = sha256(
    canonicalJson({
      config: { ...job.config, id: undefined },
      harness: { version: harness.version, commit: harness.commit },
      runtime: body.runtime,
      repeats: body.repeats,
      model: body.model.files,
      dataset: body.dataset,
      oracle: body.oracle?.files,
    }),
  );
  return { key, ...body };
}

function fileChanges(before: readonly FileHash[], now: readonly FileHash[], prefix = ''): string[] {
  const was = new Map(before.map((f) => [f.file, f.sha256]));
  const is = new Map(now.map((f) => [f.file, f.sha256]));
  const out: string[] = [];
  for (const [file, hash] of is) {
    if (!was.has(file)) out.push(`${prefix}${basename(file)} added`);
    else if (was.get(file) !== hash) out.push(`${prefix}${file} changed`);
  }
  for (const file of was.keys()) if (!is.has(file)) out.push(`${prefix}${file} no longer used`);
  return out;
}

/** Why `now` differs from `before`, in words ("encoder-model.int8.onnx changed", "manifest changed"). */
export function provenanceChanges(before: Provenance, now: Provenance): string[] {
  const out = [...fileChanges(before.model.files, now.model.files), ...fileChanges(before.dataset.files, now.dataset.files)];
  if (before.dataset.audioDigest !== now.dataset.audioDigest) out.push(`dataset audio changed (${before.dataset.audioFiles} -> ${now.dataset.audioFiles} files)`);
  if (canonicalJson(before.dataset.spec) !== canonicalJson(now.dataset.spec)) out.push('dataset settings changed');
  if (before.oracle || now.oracle) out.push(...fileChanges(before.oracle?.files ?? [], now.oracle?.files ?? [], 'oracle '));
  if (before.runtime.version !== now.runtime.version || before.runtime.name !== now.runtime.name) {
    out.push(`runtime ${before.runtime.name} ${before.runtime.version} -> ${now.runtime.name} ${now.runtime.version}`);
  }
  if (before.harness.commit !== now.harness.commit || before.harness.version !== now.harness.version) {
    out.push(`harness ${before.harness.commit?.slice(0, 12) ?? before.harness.version} -> ${now.harness.commit?.slice(0, 12) ?? now.harness.version}`);
  }
  if (before.repeats !== now.repeats) out.push(`repeats ${before.repeats} -> ${now.repeats}`);
  return out;
}
