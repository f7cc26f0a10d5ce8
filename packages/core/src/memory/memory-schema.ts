/**
 * The memory block of a result. Every figure but the two absolute ones is measured above the
 * RUNTIME BASELINE: the resident set once the runtime is initialised and a trivial session has run,
 * before the model loads. So the runtime's own start-up (onnxruntime-node's allocator and thread
 * pool, onnxruntime-web's wasm instance and heap) is never counted as model memory.
 */
import { z } from 'zod';

const bytes = z.number().nonnegative();

/** A schema-1 result's memory figures, kept as they were written (see docs/memory-and-fidelity.md). */
export const legacyMemorySchema = z.object({
  /** Resident set after the audio was loaded, before the runtime was initialised. */
  baselineRssBytes: bytes,
  /** Peak minus that baseline: runtime start-up, model and inference together. */
  modelRssBytes: z.number(),
  afterLoadRssBytes: bytes.optional(),
  /** The config's encoder output came from the tensor cache, so its peak excluded the encoder run. */
  peakExcludesEncoder: z.boolean(),
});

const PHASE_FIELDS = ['runtimeBaselineRssBytes', 'modelBytes', 'loadPeakBytes', 'encodePeakBytes', 'decodePeakBytes', 'inferencePeakBytes'] as const;

/** What a config's memory cost, per phase; see the module comment for the baseline. */
export const memorySchema = z
  .object({
    /** Where the numbers were read: this Node process, or browser renderer (+ GPU / browser) processes. */
    source: z.string(),
    /** Highest resident set of the config: runtime baseline + max(load peak, inference peak). */
    peakRssBytes: bytes,
    /** Resident set once the runtime is initialised and a trivial session has run, before the model loads (the clips are already in memory). */
    runtimeBaselineRssBytes: bytes.optional(),
    /** Resident set right after the model's sessions were created, minus the runtime baseline: what the loaded model keeps resident. */
    modelBytes: z.number().optional(),
    /** Highest resident set while the model loaded, minus the runtime baseline (a loader's transient copies show here). */
    loadPeakBytes: z.number().optional(),
    /**
     * Highest resident set while nemo128 and the encoder ran (the largest clip's), minus the runtime
     * baseline. When the encoder output came from the tensor cache (`decodeStats.encoderCache`), the
     * figure the config that computed it measured, stored with the cache entry.
     */
    encodePeakBytes: z.number().optional(),
    /** Highest resident set while decoding (the largest clip's), minus the runtime baseline. */
    decodePeakBytes: z.number().optional(),
    /** max(encode peak, decode peak): what running the model costs above the runtime, the model included. */
    inferencePeakBytes: z.number().optional(),
    /** Present only in results migrated from schema 1, which measured no runtime baseline and no phases. */
    legacy: legacyMemorySchema.optional(),
  })
  .refine((m) => m.legacy !== undefined || PHASE_FIELDS.every((f) => m[f] !== undefined), {
    message: `memory needs ${PHASE_FIELDS.join(', ')} (only results migrated from schema 1 carry \`legacy\` instead)`,
  });

/** The memory block of a result. */
export type MemoryReading = z.infer<typeof memorySchema>;

/** One prefix of a memory profile: the first `audioSec` seconds of a long recording in one pass, in a fresh process or browser. */
export const memoryProfilePointSchema = z.object({
  audioSec: z.number().positive(),
  status: z.enum(['ok', 'failed', 'unsupported']),
  /** Encoder frames of the pass (ok points). */
  encoderFrames: z.number().int().nonnegative().optional(),
  /** preprocess + encode + decode milliseconds of the pass (ok points). */
  processMs: z.number().nonnegative().optional(),
  memory: memorySchema.optional(),
  /** Why a point is not ok. */
  reason: z.string().optional(),
});
/** One prefix of a memory profile. */
export type MemoryProfilePoint = z.infer<typeof memoryProfilePointSchema>;

/** Memory against audio length: one point per prefix of the long recording, shortest first. */
export const memoryProfileSchema = z.object({ points: z.array(memoryProfilePointSchema).min(1) });
/** A result's memory profile. */
export type MemoryProfile = z.infer<typeof memoryProfileSchema>;
