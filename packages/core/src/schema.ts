/**
 * The results JSON: one file per (variant, backend, threads, decoder, dataset) config. Reports and the
 * CI gate read only these files, so every field a report needs lives here, with units in the names.
 */
import { z } from 'zod';
import { rateIntervalSchema } from './stats/bootstrap.ts';
import { normalizerIds } from './text/normalizers/registry.ts';
import { encoderFidelitySchema } from './fidelity/fidelity-schema.ts';
import { memoryProfileSchema, memorySchema } from './memory/memory-schema.ts';
import { migrateResult } from './result-migration.ts';

/**
 * Bumped on any incompatible change. 2: memory split into runtime baseline, model, load and phase
 * peaks (schema-1 files are migrated when read: result-migration.ts); memory profile and encoder
 * fidelity added.
 */
export const RESULT_SCHEMA_VERSION = 2;

/** Where a config runs. */
export const backendSchema = z.enum(['node-cpu', 'web-wasm', 'web-webgpu', 'web-hybrid']);
/** Backend identifier, e.g. `node-cpu`. */
export type BackendName = z.infer<typeof backendSchema>;

/**
 * How a browser page gets model bytes into onnxruntime-web: `array-buffer` fetches each file with
 * `Response.arrayBuffer()` (Chromium's ceiling: 2 GiB - 2 MiB per file), `stream` reads the body into
 * one buffer preallocated from Content-Length (no per-fetch ceiling), `ort-url` hands onnxruntime-web
 * the URLs of the graph and its external data so it fetches them itself, `jspi-blob` runs
 * onnxruntime-web's JSPI build and mounts external data as Blobs it reads tensor by tensor (the page
 * never holds the weights, so they are in memory once instead of twice while a session is created).
 */
export const modelLoaderSchema = z.enum(['array-buffer', 'stream', 'ort-url', 'jspi-blob']);
/** A browser model loader. */
export type ModelLoader = z.infer<typeof modelLoaderSchema>;
/** The loader browser configs use when none is named; it stays out of config ids. */
export const DEFAULT_MODEL_LOADER: ModelLoader = 'array-buffer';

/** Decoder settings; `maes` fields mirror NeMo's names. */
export const decoderConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('greedy'), maxTokensPerStep: z.number().int().positive().optional() }),
  z.strictObject({
    kind: z.literal('maes'),
    beamWidth: z.number().int().positive(),
    numSteps: z.number().int().positive(),
    prefixAlpha: z.number().int().nonnegative(),
    expansionBeta: z.number().int().nonnegative(),
    expansionGamma: z.number().nonnegative(),
    scoreNorm: z.boolean(),
  }),
]);
/** Decoder settings of one config. */
export type DecoderConfig = z.infer<typeof decoderConfigSchema>;

/**
 * The chunked long-audio strategy: the recording is encoded in overlapping windows of `windowSec`
 * (consecutive windows share `overlapSec`), each decoded alone, and the words merged at the overlap
 * midpoints (protocol/chunked.ts). At most half a window may overlap, so no instant is in three windows.
 */
export const chunkedStrategySchema = z
  .strictObject({
    strategy: z.literal('chunked'),
    windowSec: z.number().positive().default(60),
    overlapSec: z.number().nonnegative().default(10),
  })
  .refine((s) => 2 * s.overlapSec <= s.windowSec, {
    message: 'overlapSec must be at most half of windowSec (windows overlap only their neighbours)',
    path: ['overlapSec'],
  });
/** A chunked strategy's settings. */
export type ChunkedStrategy = z.infer<typeof chunkedStrategySchema>;

/** How a long recording is transcribed: one single pass (the seed protocol, the default) or chunked. */
export const longStrategySchema = z.discriminatedUnion('strategy', [z.strictObject({ strategy: z.literal('single') }), chunkedStrategySchema]);
/** A long-audio strategy. */
export type LongStrategy = z.infer<typeof longStrategySchema>;

/** Identity of one config; `id` is a stable slug used as the result file name. */
export const configSchema = z.object({
  id: z.string(),
  variant: z.string(),
  encoderPrecision: z.string(),
  decoderPrecision: z.string(),
  backend: backendSchema,
  threads: z.number().int().nonnegative(),
  decoder: decoderConfigSchema,
  dataset: z.string(),
  /**
   * Utterances transcribed together (throughput mode, corpus datasets on node-cpu). Absent = 1, so
   * results written before batching existed keep their meaning and their ids.
   */
  batchSize: z.number().int().min(2).optional(),
  /** Browser backends: how the page loads the model (in the config id only when not the default). */
  loader: modelLoaderSchema.optional(),
  /** Long datasets run chunked: the strategy. Absent = the single pass (and every corpus dataset). */
  longStrategy: chunkedStrategySchema.optional(),
});
/** Identity of one config. */
export type BenchConfig = z.infer<typeof configSchema>;

/** Edit counts for words or characters, as jiwer reports them. */
export const errorCountsSchema = z.object({
  hits: z.number().int().nonnegative(),
  substitutions: z.number().int().nonnegative(),
  deletions: z.number().int().nonnegative(),
  insertions: z.number().int().nonnegative(),
  referenceLength: z.number().int().nonnegative(),
});
/** Edit counts. */
export type ErrorCounts = z.infer<typeof errorCountsSchema>;

/**
 * Word times of one text, compact: parallel arrays of whole centiseconds, one entry per word of the
 * text split on single spaces (start = the word's first token frame, end = its last token's frame plus
 * TDT duration). Long passes store times from the start of the recording.
 */
export const wordTimesSchema = z
  .object({ startCs: z.array(z.number().int().nonnegative()), endCs: z.array(z.number().int().nonnegative()) })
  .refine((t) => t.startCs.length === t.endCs.length, { message: 'startCs and endCs need one entry per word' });
/** Word times of one text. */
export type WordTimes = z.infer<typeof wordTimesSchema>;

/**
 * How well a transcript's word starts agree with a reference transcript's (the fp32 oracle): over the
 * words that align as hits, the median and 95th percentile of the absolute start difference.
 */
export const timestampAgreementSchema = z.object({
  hitWords: z.number().int().positive(),
  medianStartDiffMs: z.number().nonnegative(),
  p95StartDiffMs: z.number().nonnegative(),
});
/** Timestamp agreement of one transcript (or section, or pass). */
export type TimestampAgreement = z.infer<typeof timestampAgreementSchema>;

/** One scored utterance (or one long-pass section). */
export const utteranceResultSchema = z.object({
  id: z.string(),
  audio: z.string(),
  durationSec: z.number().nonnegative(),
  reference: z.string(),
  hypothesis: z.string(),
  wer: z.number().nonnegative(),
  cer: z.number().nonnegative(),
  words: errorCountsSchema,
  chars: errorCountsSchema,
  /** Times of the hypothesis words. Absent in results written before word times existed. */
  wordTimes: wordTimesSchema.optional(),
  /** Long-pass sections: times of the reference words (the oracle transcribing the section alone). */
  referenceWordTimes: wordTimesSchema.optional(),
});
/** One scored utterance. */
export type UtteranceResult = z.infer<typeof utteranceResultSchema>;

/** One 60 s section of the long pass, scored against the fp32 oracle's transcript of it alone. */
export const sectionResultSchema = utteranceResultSchema.extend({
  index: z.number().int().nonnegative(),
  startSec: z.number().nonnegative(),
  endSec: z.number().nonnegative(),
  /** Word-start agreement with the oracle's transcript of the section (absent: no hit words, or no times). */
  timestamps: timestampAgreementSchema.optional(),
});
/** One long-pass section. */
export type SectionResult = z.infer<typeof sectionResultSchema>;

/** One timed pass over all clips of a config, in the same process. */
export const timingRepeatSchema = z.object({
  preprocessMs: z.number().nonnegative(),
  encodeMs: z.number().nonnegative(),
  decodeMs: z.number().nonnegative(),
  processMs: z.number().nonnegative(),
  rtfx: z.number().nonnegative(),
});

const timingSchema = z.object({
  loadMs: z.number().nonnegative(),
  preprocessMs: z.number().nonnegative(),
  encodeMs: z.number().nonnegative(),
  decodeMs: z.number().nonnegative(),
  /** preprocess + encode + decode: what RTF is computed from (load excluded). */
  processMs: z.number().nonnegative(),
  audioSec: z.number().nonnegative(),
  /** processing seconds per audio second (lower is faster). */
  rtf: z.number().nonnegative(),
  /** audio seconds per processing second (higher is faster). */
  rtfx: z.number().nonnegative(),
  /**
   * Every timed repeat when the config ran more than once (`repeats` in the sweep); the fields above
   * are then the median repeat's (by processMs). The gate takes the repeats as its timing samples.
   */
  repeats: z.array(timingRepeatSchema).optional(),
});

const environmentSchema = z.object({
  cpuModel: z.string(),
  cores: z.number().int().nonnegative(),
  totalMemBytes: z.number().nonnegative(),
  platform: z.string(),
  arch: z.string(),
  node: z.string(),
  runtime: z.string(),
  runtimeVersion: z.string(),
  browser: z.string().optional(),
});

const modelInfoSchema = z.object({
  dir: z.string(),
  encoderFile: z.string(),
  decoderFile: z.string(),
  preprocessorFile: z.string(),
  vocabSize: z.number().int().nonnegative(),
  notes: z.array(z.string()).default([]),
});

/** Accuracy summary over a whole config run. */
export const accuracySchema = z.object({
  wer: z.number().nonnegative(),
  cer: z.number().nonnegative(),
  words: errorCountsSchema,
  chars: errorCountsSchema,
  /** Scored utterances (or sections), empty references included. */
  utterances: z.number().int().nonnegative(),
  /** References empty after normalisation: scored as jiwer 4 and sclite do (their hypothesis words are insertions). */
  emptyReferences: z.number().int().nonnegative().default(0),
  /** Results written before empty references were scored: how many were dropped instead. */
  droppedEmptyReferences: z.number().int().nonnegative().optional(),
  /**
   * Percentile bootstrap interval of `wer` over the scored items (utterances, or long-pass sections),
   * rates as fractions like `wer`; seeded, so the same counts give the same interval
   * (protocol/intervals.ts, docs/statistics.md). Absent in results written before it existed.
   */
  werCi: rateIntervalSchema.optional(),
  /** The same for `cer`. */
  cerCi: rateIntervalSchema.optional(),
});

/** Accuracy summary. */
export type Accuracy = z.infer<typeof accuracySchema>;

/** The long-audio protocol summary (present for `long` datasets). */
export const longPassSchema = z.object({
  audioSec: z.number().nonnegative(),
  sectionSec: z.number().positive(),
  /** Encoder frames of the largest single encoder call (the whole pass, or the longest window). */
  encoderFrames: z.number().int().nonnegative(),
  /** Present when the pass ran chunked: the strategy and how many windows it encoded. */
  strategy: chunkedStrategySchema.optional(),
  windows: z.number().int().positive().optional(),
  /** Word-start agreement with the oracle over every section's hit words. */
  timestamps: timestampAgreementSchema.optional(),
  worstSectionIndex: z.number().int().nonnegative(),
  worstSectionWer: z.number().nonnegative(),
  sections: z.array(sectionResultSchema),
  /** Scored against a human transcript of the whole pass, when the dataset supplies one. */
  humanReference: accuracySchema.optional(),
});

/** Decoder statistics (beam search fills the beam fields). */
export const decodeStatsSchema = z.object({
  decoderCalls: z.number().int().nonnegative(),
  meanDecoderBatch: z.number().nonnegative(),
  meanLiveHypotheses: z.number().nonnegative().optional(),
  featureCache: z.enum(['hit', 'miss', 'partial', 'off']),
  encoderCache: z.enum(['hit', 'miss', 'partial', 'off']),
});

/** One file that went into a result: its path (relative to its model or dataset folder), size and content hash. */
export const fileHashSchema = z.object({
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** For model files: which part of the model it belongs to (config, vocab, preprocessor, encoder, decoder). */
  role: z.string().optional(),
});
/** One hashed input file. */
export type FileHash = z.infer<typeof fileHashSchema>;

/**
 * Exactly which inputs made a result: content hashes of every model file loaded (external data
 * included) and of the dataset, the protocol settings, runtime and harness. `key` is a hash of all of
 * it except the harness commit's dirtiness: a finished config is reused only while its key matches.
 * How the result was scored (the normaliser) is in `scoring`: a changed normaliser rescores the
 * stored hypotheses instead of decoding again.
 */
export const provenanceSchema = z.object({
  key: z.string(),
  /** The harness's package version and git commit (`dirty`: uncommitted changes; not part of the key). */
  harness: z.object({ version: z.string(), commit: z.string().optional(), dirty: z.boolean().optional() }),
  runtime: z.object({ name: z.string(), version: z.string() }),
  /** Timed passes per config. */
  repeats: z.number().int().positive(),
  /** The model files the backend loads, relative to `dir`. */
  model: z.object({ dir: z.string(), files: z.array(fileHashSchema) }),
  dataset: z.object({
    /** The dataset entry as the sweep gave it (kind and protocol settings; paths as given). */
    spec: z.record(z.string(), z.unknown()),
    /** Manifest, split table, transcripts: the files that describe it. */
    files: z.array(fileHashSchema),
    /** sha256 over the sorted (path, bytes, sha256) of every audio file, and how many there are. */
    audioDigest: z.string(),
    audioFiles: z.number().int().nonnegative(),
  }),
  /** The oracle whose section transcripts a long pass is scored against. */
  oracle: z.object({ variant: z.string(), files: z.array(fileHashSchema) }).optional(),
});
/** Where a result came from. */
export type Provenance = z.infer<typeof provenanceSchema>;
/**
 * How hypotheses and references were normalised before scoring: the normaliser id
 * (text/normalizers/registry.ts) and the dataset language it was given (used by
 * open-asr-multilingual's number words). A result without it was scored with `default`.
 */
export const scoringSchema = z.object({
  normalizer: z.enum(normalizerIds),
  language: z.string().min(1).optional(),
});
/** See {@link scoringSchema}. */
export type Scoring = z.infer<typeof scoringSchema>;

/** Batch size of a config: its `batchSize`, 1 when absent. */
export function batchSizeOf(c: Pick<BenchConfig, 'batchSize'>): number {
  return c.batchSize ?? 1;
}

/** One config's result file. */
export const benchResultSchema = z.object({
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
  config: configSchema,
  status: z.enum(['ok', 'failed', 'unsupported']),
  error: z.object({ message: z.string(), phase: z.string().optional(), stack: z.string().optional() }).optional(),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** Run label (e.g. a git sha or date) so dashboards can show history. */
  runLabel: z.string().optional(),
  /** The sweep run that wrote this result: results of one run share it (see the result store's rules). */
  runId: z.string().optional(),
  provenance: provenanceSchema.optional(),
  environment: environmentSchema,
  model: modelInfoSchema.optional(),
  accuracy: accuracySchema.optional(),
  timing: timingSchema.optional(),
  memory: memorySchema.optional(),
  /** Long datasets with a `memoryProfile`: memory per prefix of the recording, each in a fresh process or browser. */
  memoryProfile: memoryProfileSchema.optional(),
  /** Non-oracle variants on node-cpu: their encoder output against the oracle variant's on the same audio. */
  encoderFidelity: encoderFidelitySchema.optional(),
  decodeStats: decodeStatsSchema.optional(),
  longPass: longPassSchema.optional(),
  utterances: z.array(utteranceResultSchema).default([]),
  /** Normaliser (and language) the scores above were computed with; absent = `default`. */
  scoring: scoringSchema.optional(),
  /**
   * Variant id reports compare this config with (same dataset, backend, threads and decoder): the
   * sweep's `compareTo`, else its `oracleVariant`. Absent in older results (then pass --compare-to).
   */
  compareTo: z.string().optional(),
});
/** One config's result file. */
export type BenchResult = z.infer<typeof benchResultSchema>;
/** Input shape of a result (defaults not yet applied). */
export type BenchResultInput = z.input<typeof benchResultSchema>;

/** How the node-cpu note starts when onnxruntime-node mapped the encoder's external data. */
export const MAPPED_WEIGHTS_NOTE = 'onnxruntime-node memory-maps external data';

/**
 * True when the result's RAM counts mapped weights only as far as inference read them (node-cpu with
 * external data), so it is not comparable with a browser's, which copies every weight into its heap.
 */
export function weightsMapped(r: Pick<BenchResult, 'model'>): boolean {
  return r.model?.notes.some((n) => n.startsWith(MAPPED_WEIGHTS_NOTE)) ?? false;
}

/** Parses and validates a result JSON text (schema-1 files are migrated); `source` names the file in errors. */
export function parseBenchResult(text: string, source: string): BenchResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source}: not valid JSON (${(e as Error).message})`);
  }
  const migrated = migrateResult(raw, source, RESULT_SCHEMA_VERSION);
  const parsed = benchResultSchema.safeParse(migrated);
  if (!parsed.success) {
    throw new Error(`${source}: invalid result: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
