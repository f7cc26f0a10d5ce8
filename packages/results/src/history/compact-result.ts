/**
 * Compact result files for the history store. Every night keeps what the trend charts and the gate
 * need (config, status, environment, provenance, accuracy with its intervals, timing, memory, section
 * WERs); old nights also lose the per-utterance texts, which dominate a result's size (a FLEURS test
 * split is ~700 reference/hypothesis pairs) and are only looked at for recent nights.
 */
import { writeFileAtomic } from '@parakeet-bench/node-io';
import { parseBenchResult } from '@parakeet-bench/core';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A copy of the raw result JSON (unknown fields kept) without the error stack trace and, when
 * `trimUtterances`, without per-utterance entries and long-pass section texts (their scores stay).
 */
export function compactResult(raw: unknown, trimUtterances: boolean): Json {
  if (!isObject(raw)) throw new Error('a result must be a JSON object');
  const out: Json = { ...raw };
  if (isObject(out['error'])) {
    const { stack: _stack, ...error } = out['error'];
    out['error'] = error;
  }
  if (!trimUtterances) return out;
  out['utterances'] = [];
  const longPass = out['longPass'];
  if (isObject(longPass) && Array.isArray(longPass['sections'])) {
    out['longPass'] = {
      ...longPass,
      sections: longPass['sections'].map((s: unknown) => (isObject(s) ? { ...s, audio: '', reference: '', hypothesis: '' } : s)),
    };
  }
  return out;
}

/**
 * Validates a compact result and writes it as one line of JSON, atomically. Validated as readers read
 * it, so an older night's result (an earlier schema version, migrated when read) stays as it was written.
 */
export async function writeCompactResult(path: string, result: Json): Promise<void> {
  try {
    parseBenchResult(JSON.stringify(result), path);
  } catch (e) {
    throw new Error(`compact result for ${path} is invalid, not written: ${(e as Error).message}`);
  }
  await writeFileAtomic(path, `${JSON.stringify(result)}\n`);
}
