/**
 * Older result files stay readable: a schema-1 result is rewritten in memory into the current shape
 * before validation. Its memory figures cannot be split into runtime, model and phases after the
 * fact, so they move, under their old names, into `memory.legacy` (documented in
 * docs/memory-and-fidelity.md); reports show them as "not measured" and the gate does not compare
 * them with current ones. Any other version is refused with the file and the fix.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A schema-1 memory block in the current shape. */
function legacyMemory(memory: Json, decodeStats: unknown): Json {
  const { peakRssBytes, baselineRssBytes, modelRssBytes, afterLoadRssBytes, source } = memory;
  const cache = isObject(decodeStats) ? decodeStats['encoderCache'] : undefined;
  return {
    source,
    peakRssBytes,
    legacy: {
      baselineRssBytes,
      modelRssBytes,
      ...(afterLoadRssBytes !== undefined ? { afterLoadRssBytes } : {}),
      peakExcludesEncoder: cache === 'hit' || cache === 'partial',
    },
  };
}

/** `raw` in the shape of schema `current`, or an error naming `source` and the fix. */
export function migrateResult(raw: unknown, source: string, current: number): unknown {
  const version = isObject(raw) ? raw['schemaVersion'] : undefined;
  if (version === current) return raw;
  if (version === 1 && isObject(raw)) {
    const memory = raw['memory'];
    return { ...raw, schemaVersion: current, ...(isObject(memory) ? { memory: legacyMemory(memory, raw['decodeStats']) } : {}) };
  }
  const newer = typeof version === 'number' && version > current;
  throw new Error(
    `${source}: result schemaVersion ${String(version)} is not one this harness reads (1 to ${current}); ` +
      (newer ? 'it was written by a newer parakeet-bench: update this checkout' : 'rerun the bench to regenerate it'),
  );
}
