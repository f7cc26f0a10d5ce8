import { resolve } from 'node:path';
import { z } from 'zod';
import { backendSchema, decoderConfigSchema, describeInputIssues, fileSafeName, getNormalizer, longStrategySchema, modelLoaderSchema, normalizerIds, strategySlug } from '@parakeet-bench/core';
import { FLEURS_LANG_PATTERN, FLEURS_SPLITS } from '../datasets/fleurs-layout.ts';

/** A model variant in a sweep file; paths are relative to the sweep file. */
export const variantSpecSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]+$/, 'variant ids may use letters, digits, . _ -'),
  dir: z.string(),
  encoderFile: z.string(),
  decoderFile: z.string(),
  encoderPrecision: z.string(),
  decoderPrecision: z.string(),
  preprocessorFile: z.string().optional(),
});

/**
 * Language of a dataset's transcripts, given to the normaliser (open-asr-multilingual spells numbers
 * in it): an ISO 639 code, optionally with a region (`fr`, `pt_br`, `en-US`).
 */
const languageSchema = z.string().regex(/^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$/, 'language codes look like fr, pt_br, en-US').optional();

/** Datasets: a NeMo JSONL manifest, a folder of audio + .txt pairs, one long recording, or a FLEURS split. */
export const datasetSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({ name: z.string(), kind: z.literal('manifest'), manifest: z.string(), language: languageSchema }),
  z.strictObject({ name: z.string(), kind: z.literal('folder'), dir: z.string(), language: languageSchema }),
  z.strictObject({
    name: z.string(),
    kind: z.literal('long'),
    language: languageSchema,
    audio: z.string(),
    /** Seconds of the recording in the single pass (the seed protocol: 390). */
    maxSec: z.number().positive().default(390),
    sectionSec: z.number().positive().default(60),
    /** Optional human transcript of the first maxSec seconds, scored as a whole too. */
    referenceText: z.string().optional(),
    /** Refuse passes whose encoder would see more frames (the real encoder fails past ~5000). */
    maxEncoderFrames: z.number().int().positive().default(5000),
    /**
     * Memory against audio length: each prefix of the recording (seconds, increasing, at most maxSec)
     * is passed in one go in a fresh process or browser by every (variant, backend, threads, loader),
     * with the first decoder; the points go into that config's result.
     */
    memoryProfile: z.strictObject({ prefixSec: z.array(z.number().positive()).min(1) }).optional(),
  }),
  z.strictObject({
    name: z.string(),
    kind: z.literal('fleurs'),
    /** A google/fleurs snapshot (the folder holding data/), as `bench data fetch fleurs` writes it. */
    dir: z.string(),
    lang: z.string().regex(FLEURS_LANG_PATTERN, 'FLEURS language codes look like fr_fr, en_us, cmn_hans_cn'),
    split: z.enum(FLEURS_SPLITS),
    /** Only the first `limit` utterances of the split table. */
    limit: z.number().int().positive().optional(),
  }),
]);
/** One dataset entry. */
export type DatasetSpec = z.infer<typeof datasetSpecSchema>;
/** One dataset entry as written in a file (defaults not applied). */
export type DatasetSpecInput = z.input<typeof datasetSpecSchema>;

/** A dataset entry with each of its file paths resolved against `base` (absolute paths stay). */
export function resolveDatasetPaths<D extends DatasetSpecInput>(dataset: D, base: string): D {
  const abs = (p: string): string => resolve(base, p);
  const d: DatasetSpecInput = dataset;
  if (d.kind === 'manifest') return { ...d, manifest: abs(d.manifest) } as D;
  if (d.kind === 'folder' || d.kind === 'fleurs') return { ...d, dir: abs(d.dir) } as D;
  return { ...d, audio: abs(d.audio), ...(d.referenceText ? { referenceText: abs(d.referenceText) } : {}) } as D;
}
/** One variant entry. */
export type VariantSpec = z.infer<typeof variantSpecSchema>;

/**
 * The language a dataset's transcripts are in: its `language`, or for FLEURS the language part of its
 * config (`fr_fr` -> `fr`, `cmn_hans_cn` -> `cmn`); undefined when unknown.
 */
export function datasetLanguage(d: DatasetSpecInput): string | undefined {
  return d.kind === 'fleurs' ? d.lang.split('_')[0] : d.language;
}

/** The largest batch size a sweep may ask for (a batch pads every clip to the longest one in memory). */
export const MAX_BATCH_SIZE = 256;

const batchSizeSchema = z
  .number({ error: 'batch sizes are whole numbers from 1 to 256, e.g. "batchSize": [1, 8, 16]' })
  .int('batch sizes are whole numbers from 1 to 256, e.g. "batchSize": [1, 8, 16]')
  .min(1, 'batch sizes are whole numbers from 1 to 256, e.g. "batchSize": [1, 8, 16]')
  .max(MAX_BATCH_SIZE, `batch sizes are whole numbers from 1 to ${MAX_BATCH_SIZE}; larger batches only pad more`);

/** A whole sweep: the cross product of variants x backends/threads x decoders x datasets x batch sizes. */
export const sweepSpecSchema = z.strictObject({
  variants: z.array(variantSpecSchema).min(1),
  /** Variant whose encoder and decoder are fp32: it transcribes each long-pass section alone. */
  oracleVariant: z.string(),
  backends: z
    .array(
      z.strictObject({
        backend: backendSchema,
        threads: z.array(z.number().int().nonnegative()).min(1),
        /** Browser backends: the model loaders to compare (default: array-buffer only). */
        loaders: z.array(modelLoaderSchema).min(1).optional(),
      }),
    )
    .min(1),
  decoders: z.array(decoderConfigSchema).min(1),
  datasets: z.array(datasetSpecSchema).min(1),
  /**
   * Throughput mode: utterances of corpus datasets transcribed together, one number or a list (each
   * a config of its own; default 1). The long-audio protocol is one single pass and runs at 1 only.
   */
  batchSize: z
    .union([batchSizeSchema, z.array(batchSizeSchema).min(1, 'batchSize lists at least one batch size, e.g. [1, 8, 16]')], {
      error: `batchSize is a whole number from 1 to ${MAX_BATCH_SIZE} or a list of them, e.g. "batchSize": [1, 8, 16]`,
    })
    .default(1)
    .transform((b) => (Array.isArray(b) ? b : [b])),
  /**
   * How long datasets are transcribed, one config per entry (corpus datasets ignore it): the single
   * pass (`{ "strategy": "single" }`, the default) and/or overlapping windows
   * (`{ "strategy": "chunked", "windowSec": 60, "overlapSec": 10 }`). Config ids and labels name a
   * strategy only when it is not the single pass.
   */
  longStrategies: z.array(longStrategySchema).min(1).default([{ strategy: 'single' }]),
  /** Timed passes per config (every backend), so the gate can take a median and a noise band. */
  repeats: z.number().int().positive().default(1),
  /** Seconds before a config's process is killed and recorded as failed. */
  timeoutSec: z.number().positive().default(1800),
  /** Normaliser applied to reference and hypothesis before scoring (docs/statistics.md lists the ids). */
  normalizer: z.enum(normalizerIds).default('default'),
  /**
   * Variant every config is compared with (paired WER, same dataset, backend, threads and decoder);
   * default: `oracleVariant`.
   */
  compareTo: z.string().optional(),
});
/** A validated sweep. */
export type SweepSpec = z.infer<typeof sweepSpecSchema>;
/** A sweep as written in a file (defaults not applied). */
export type SweepSpecInput = z.input<typeof sweepSpecSchema>;

/** A memory profile's prefixes must increase and fit in the pass (`maxSec`). */
function checkMemoryProfile(d: DatasetSpec, source: string): void {
  if (d.kind !== 'long' || !d.memoryProfile) return;
  const p = d.memoryProfile.prefixSec;
  const at = `${source}: dataset "${d.name}": memoryProfile.prefixSec`;
  const unordered = p.findIndex((x, i) => i > 0 && x <= p[i - 1]!);
  if (unordered > 0) throw new Error(`${at} must increase (${p.join(', ')}: ${p[unordered]} s after ${p[unordered - 1]} s)`);
  const over = p.find((x) => x > d.maxSec);
  if (over !== undefined) throw new Error(`${at}: ${over} s is longer than the pass (maxSec ${d.maxSec} s); raise maxSec or drop the prefix`);
}

/** Fields only some dataset kinds take, and which. */
const KIND_ONLY_FIELDS: Readonly<Record<string, string>> = { memoryProfile: 'long' };

/** A field of one dataset kind given to another: named with the kind it belongs to (zod would only call it unknown). */
function checkKindFields(raw: unknown, source: string): void {
  const datasets = (raw as { datasets?: unknown } | null)?.datasets;
  if (!Array.isArray(datasets)) return;
  for (const d of datasets as { name?: unknown; kind?: unknown }[]) {
    for (const [field, kind] of Object.entries(KIND_ONLY_FIELDS)) {
      if (d && typeof d === 'object' && field in d && d.kind !== kind) {
        throw new Error(`${source}: dataset "${String(d.name)}": ${field} applies to ${kind} datasets (the long-audio protocol), not kind "${String(d.kind)}"`);
      }
    }
  }
}

/**
 * The batch sizes a dataset runs at: the sweep's, except the long-audio protocol (one single pass),
 * which runs at 1 only.
 */
export function batchSizesFor(spec: Pick<SweepSpec, 'batchSize'>, dataset: Pick<DatasetSpec, 'kind'>): number[] {
  return dataset.kind === 'long' ? [1] : spec.batchSize;
}

/** One line per long dataset whose batch sizes were left out (printed before a sweep runs). */
export function batchNotes(spec: Pick<SweepSpec, 'batchSize' | 'datasets'>): string[] {
  const others = spec.batchSize.filter((b) => b !== 1);
  if (others.length === 0) return [];
  return spec.datasets
    .filter((d) => d.kind === 'long')
    .map((d) => `${d.name}: the long-audio protocol is one single pass, so it runs at batch size 1 only (batch sizes ${others.join(', ')} apply to corpus datasets)`);
}

/**
 * Validates a sweep object; `source` names the file in errors. Unknown fields are errors (naming the
 * closest known field), and so are two datasets whose names would share one result file.
 */
export function parseSweepSpec(raw: unknown, source: string): SweepSpec {
  checkKindFields(raw, source);
  const parsed = sweepSpecSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${source}: invalid sweep:\n${describeInputIssues(parsed.error, sweepSpecSchema)}`);
  const spec = parsed.data;
  const ids = new Set(spec.variants.map((v) => v.id));
  if (ids.size !== spec.variants.length) throw new Error(`${source}: variant ids must be unique`);
  if (!ids.has(spec.oracleVariant)) {
    throw new Error(`${source}: oracleVariant "${spec.oracleVariant}" is not one of the variants (${[...ids].join(', ')})`);
  }
  if (spec.compareTo !== undefined && !ids.has(spec.compareTo)) {
    throw new Error(`${source}: compareTo "${spec.compareTo}" is not one of the variants (${[...ids].join(', ')})`);
  }
  const repeatedSizes = spec.batchSize.filter((b, i) => spec.batchSize.indexOf(b) !== i);
  if (repeatedSizes.length) throw new Error(`${source}: batchSize lists ${[...new Set(repeatedSizes)].join(', ')} more than once; list each batch size once`);
  const fileReading = spec.backends.find((b) => b.loaders && b.backend === 'node-cpu');
  if (fileReading) throw new Error(`${source}: loaders apply to the browser backends (web-wasm, web-webgpu); node-cpu opens model files by path`);
  const slugs = spec.longStrategies.map(strategySlug);
  const repeatedSlug = slugs.find((x, i) => slugs.indexOf(x) !== i);
  if (repeatedSlug) throw new Error(`${source}: longStrategies lists ${repeatedSlug} twice; each strategy once`);
  const names = new Set(spec.datasets.map((d) => d.name));
  if (names.size !== spec.datasets.length) throw new Error(`${source}: dataset names must be unique`);
  const bySafeName = new Map<string, string>();
  for (const { name } of spec.datasets) {
    const other = bySafeName.get(fileSafeName(name));
    if (other !== undefined) {
      throw new Error(`${source}: datasets "${other}" and "${name}" map to the same result file name "${fileSafeName(name)}"; rename one (letters, digits, . _ - are kept as they are)`);
    }
    bySafeName.set(fileSafeName(name), name);
  }
  for (const d of spec.datasets) checkMemoryProfile(d, source);
  for (const d of spec.datasets) {
    // A normaliser that refuses a language (open-asr-multilingual and Armenian) refuses it here, not
    // after the whole sweep has decoded.
    try {
      getNormalizer(spec.normalizer, datasetLanguage(d))('');
    } catch (e) {
      throw new Error(`${source}: dataset "${d.name}": ${(e as Error).message}`);
    }
  }
  return spec;
}
