/**
 * Whether a finished result may stand for a config on rerun: only when it belongs to this run and its
 * provenance matches the inputs as they are now. Otherwise the config runs again and the progress line
 * says why ("encoder-model.int8.onnx changed", "from an earlier run").
 */
import type { BenchResult, Provenance } from '@parakeet-bench/core';
import { provenanceChanges } from '../provenance/provenance.ts';

/** Reuse the stored result, or run with a reason (absent for a config that simply has no result yet). */
export type ReuseDecision = { readonly reuse: true; readonly result: BenchResult } | { readonly reuse: false; readonly why?: string };

/** What the decision looks at. */
export interface ReuseInput {
  /** The stored result, or null with why (no file yet, unreadable, old schema). */
  readonly stored: { result: BenchResult } | { result: null; reason: string };
  /** The provenance of the config as it would run now; null when its inputs cannot be read. */
  readonly current: Provenance | null;
  readonly runId: string;
  readonly force: boolean;
  readonly retryFailed: boolean;
}

/** Decides, and says why in a few words. */
export function decideReuse(r: ReuseInput): ReuseDecision {
  if (r.force) return { reuse: false };
  const stored = r.stored.result;
  if (!stored) return r.stored.reason === 'no result yet' ? { reuse: false } : { reuse: false, why: `stored result unusable: ${r.stored.reason}` };
  if (stored.runId !== r.runId) return { reuse: false, why: `result left from an earlier run${stored.runId ? ` (${stored.runId})` : ''}` };
  if (!r.current) return { reuse: false, why: 'its inputs cannot be hashed (a file is missing?)' };
  if (!stored.provenance) return { reuse: false, why: 'the stored result has no provenance' };
  if (stored.provenance.key !== r.current.key) {
    const changes = provenanceChanges(stored.provenance, r.current);
    return { reuse: false, why: changes.length ? changes.join(', ') : 'inputs changed' };
  }
  if (stored.status === 'failed' && r.retryFailed) return { reuse: false, why: 'retrying a failed config (--retry-failed)' };
  return { reuse: true, result: stored };
}
