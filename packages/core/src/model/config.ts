/** Parsed config.json of a model directory (istupakov layout). */
export interface ModelConfig {
  readonly modelType: string;
  readonly featuresSize: number;
  readonly subsamplingFactor: number;
  readonly maxTokensPerStep: number;
}

/** The model types whose decoder this harness implements. */
const SUPPORTED_TYPES = new Set(['nemo-conformer-tdt']);

/**
 * Parses config.json. Defaults follow onnx-asr (features_size 80, max_tokens_per_step 10,
 * subsampling_factor 8) so a minimal config still loads.
 */
export function parseModelConfig(text: string, source: string): ModelConfig {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`${source}: config.json is not valid JSON (${(e as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`${source}: config.json must hold a JSON object`);
  }
  const modelType = String(raw['model_type'] ?? '');
  if (!SUPPORTED_TYPES.has(modelType)) {
    throw new Error(
      `${source}: model_type "${modelType}" is not supported (expected one of ${[...SUPPORTED_TYPES].join(', ')}); is this a Parakeet TDT model directory?`,
    );
  }
  const int = (key: string, fallback: number): number => {
    const v = raw[key] ?? fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) {
      throw new Error(`${source}: ${key} must be a positive integer, got ${JSON.stringify(v)}`);
    }
    return v;
  };
  return {
    modelType,
    featuresSize: int('features_size', 80),
    subsamplingFactor: int('subsampling_factor', 8),
    maxTokensPerStep: int('max_tokens_per_step', 10),
  };
}
