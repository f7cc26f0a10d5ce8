// The public face of @parakeet-bench/core: what runners, the harness, the gate and the reports use.
// Internals (decoder building blocks, detokenizer internals) stay private to the package.

// Runtime-neutral sessions and the backend interface.
export type { InferenceSession, ModelSource, Tensor, TensorType, ValueInfo } from './session.ts';
export type { OrtSessionLike, OrtTensorCtor, OrtTensorLike } from './ort-adapter.ts';
export { wrapOrtSession } from './ort-adapter.ts';
export type { Backend, CacheUse, RuntimeInfo, TranscribeOk, TranscribeRequest, TranscribeUnsupported } from './backend.ts';
export { PhaseError, phase, phaseOf } from './phase-error.ts';

// The result schema, config ids and labels.
export type {
  Accuracy,
  BackendName,
  BenchConfig,
  BenchResult,
  BenchResultInput,
  ChunkedStrategy,
  DecoderConfig,
  ErrorCounts,
  LongStrategy,
  ModelLoader,
  Scoring,
  SectionResult,
  TimestampAgreement,
  UtteranceResult,
} from './schema.ts';
export {
  DEFAULT_MODEL_LOADER,
  MAPPED_WEIGHTS_NOTE,
  RESULT_SCHEMA_VERSION,
  backendSchema,
  batchSizeOf,
  benchResultSchema,
  decoderConfigSchema,
  longStrategySchema,
  modelLoaderSchema,
  parseBenchResult,
  weightsMapped,
} from './schema.ts';
export { MAES_DEFAULTS, batchLabel, configId, decoderSlug, fileSafeName, strategySlug, threadsLabel } from './config-id.ts';

// Model loading and the pipeline.
export type { ModelConfig } from './model/config.ts';
export { parseModelConfig } from './model/config.ts';
export type { ModelVariant } from './model/variant.ts';
export { DEFAULT_PREPROCESSOR_FILE, STANDARD_FILES, preprocessorFileOf } from './model/variant.ts';
export type { EncodedAudio, Features } from './model/acoustic.ts';
export type { ParakeetModel } from './model/load.ts';
export { loadParakeet } from './model/load.ts';
export { ModelFileError, modelFilePath } from './model/load-errors.ts';
export type { DecodeContext, DecodeResult, TokenDecoder } from './decode/types.ts';
export { createDecoder } from './decode/index.ts';
export type { StageTimings, Transcript } from './transcribe.ts';
export { FRAME_SEC, encodeAudio, nowMs, transcribe } from './transcribe.ts';
export type { BatchPreprocess, ClipCache, EncodedClip, PassOptions, TranscribedPasses } from './transcribe-clip.ts';
export { CACHED_ENCODER_NOTE, CacheTally, decodeClip, encodeClip, transcribePasses } from './transcribe-clip.ts';
export { planBatches } from './transcribe-batch.ts';
export { computeFeaturesBatch, encodeFeaturesBatch } from './model/batch-acoustic.ts';
export { greedyDecodeBatch } from './decode/greedy-batch.ts';

// Memory: the protocol (runtime baseline, model, phase peaks), what runtimes read it from, the walls.
export type { MemoryProfile, MemoryProfilePoint, MemoryReading } from './memory/memory-schema.ts';
export { memoryProfilePointSchema } from './memory/memory-schema.ts';
export type { MemoryProbe } from './memory/memory-meter.ts';
export { MemoryMeter } from './memory/memory-meter.ts';
export type { ProcMemory } from './memory/proc-status.ts';
export { parseProcStatus } from './memory/proc-status.ts';
export { WARM_UP_IO, checkWarmUp, warmUpGraph } from './memory/warm-up-graph.ts';
export { CHROMIUM_ARRAY_BUFFER_MAX_BYTES, WASM32_HEAP_MAX_BYTES } from './memory/browser-walls.ts';

// Encoder fidelity against the oracle variant.
export type { EncoderFidelity } from './fidelity/fidelity-schema.ts';
export { agreementRate, encoderFidelitySchema, worstCosine } from './fidelity/fidelity-schema.ts';
export { FIDELITY_WINDOW_SEC, encoderFidelity } from './fidelity/encoder-fidelity.ts';
export { agreementAlong, greedyPath } from './fidelity/joint-agreement.ts';

// Audio, text and scoring.
export { TARGET_SAMPLE_RATE, loadAudio16k, resampleTo16k } from './audio/resample.ts';
export { decodeWav } from './audio/wav-decode.ts';
export { encodeWav16 } from './audio/wav-encode.ts';
export type { TimedWord } from './text/detokenize.ts';
export { detokenize, detokenizeIds } from './text/detokenize.ts';
export { normalizeText } from './text/normalize.ts';
export { getNormalizer, isNormalizerId, normalizerIds } from './text/normalizers/registry.ts';
export type { Vocab } from './text/vocab.ts';
export { parseVocab } from './text/vocab.ts';
export type { AlignmentChunk } from './metrics/align.ts';
export { alignTokens } from './metrics/align.ts';
export { errorRate, scoreCorpus, splitWords, sumCounts } from './metrics/wer.ts';

// Datasets in memory, the long-audio protocol and result building.
export type { ManifestEntry } from './dataset/manifest.ts';
export { parseNemoManifest } from './dataset/manifest.ts';
export type { LoadedCorpus, LoadedDataset, LoadedLong, LoadedUtterance } from './dataset/loaded.ts';
export { clipsOf } from './dataset/loaded.ts';
export type { ClipTranscript } from './protocol/clip-transcript.ts';
export { encoderFramesFor, planSections, sliceSeconds } from './protocol/sections.ts';
export type { OkResultParts, ScoredRun, SectionReference } from './protocol/score-run.ts';
export { encodeWordTimes } from './protocol/word-timing.ts';
export { okResult, rtfxOf, scoreRun, withRepeats } from './protocol/score-run.ts';
export type { ResultError, RunStamp } from './protocol/result-records.ts';
export { failedResult, unsupportedResult } from './protocol/result-records.ts';
export type { FileHash, Provenance } from './schema.ts';
export { fileHashSchema, provenanceSchema } from './schema.ts';
export { closestName, describeInputIssues, editDistance } from './input-errors.ts';
export { DEFAULT_SCORING, normalizerOf, sameScoring, scoringLabel, scoringMismatch, scoringOf } from './protocol/scoring.ts';
export { rescoreResult } from './protocol/rescore.ts';

// Statistics over stored results: intervals, paired comparisons (docs/statistics.md).
export type { RateInterval } from './stats/bootstrap.ts';
export { formatPValue, formatPairedComparison, formatSigned } from './stats/format.ts';
export type { PairedWer } from './stats/result-pairs.ts';
export { pairedWer, scoredItemsOf } from './stats/result-pairs.ts';
export type { ReferenceComparison } from './stats/reference-comparisons.ts';
export { REFERENCE_COMPARISON_METHOD, comparisonGroups, comparisonSetting, compareWithReference, formatReferenceComparison } from './stats/reference-comparisons.ts';
export type { TimestampComparison } from './stats/timestamp-comparisons.ts';
export { compareTimestamps } from './stats/timestamp-comparisons.ts';
