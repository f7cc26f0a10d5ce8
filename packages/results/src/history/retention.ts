/**
 * Bounded history: each config keeps its newest `maxNights` nights, a night left without results is
 * deleted, and nights older than the newest `keepUtteranceNights` lose their per-utterance texts.
 */
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writeJsonAtomic } from '@parakeet-bench/node-io';
import { compactResult, writeCompactResult } from './compact-result.ts';
import { NIGHT_FILE } from './night-file.ts';
import { readNights } from './store.ts';

/** Retention settings (CLI defaults: 90 nights per config, texts for the newest 7 nights). */
export interface RetentionOptions {
  /** Nights each config keeps (>= 1). */
  readonly maxNights: number;
  /** Newest nights that keep their per-utterance texts (>= 1: the newest night is always whole). */
  readonly keepUtteranceNights: number;
}

/** Default retention: a quarter of a year of trends, a week of transcripts. */
export const DEFAULT_RETENTION: RetentionOptions = { maxNights: 90, keepUtteranceNights: 7 };

/** What {@link applyRetention} changed. */
export interface RetentionSummary {
  /** Result files deleted because their config had `maxNights` newer nights. */
  readonly removedResults: string[];
  /** Night directories deleted because no result was left in them. */
  readonly removedNights: string[];
  /** Nights whose per-utterance texts were dropped now. */
  readonly trimmedNights: string[];
  /** Nights left in the store. */
  readonly nights: number;
}

/** Checks retention settings, naming the flag. */
export function checkRetention(o: RetentionOptions): void {
  if (!Number.isInteger(o.maxNights) || o.maxNights < 1) throw new Error(`--max-nights ${o.maxNights}: keep at least 1 night per config`);
  if (!Number.isInteger(o.keepUtteranceNights) || o.keepUtteranceNights < 1) {
    throw new Error(`--keep-utterance-nights ${o.keepUtteranceNights}: keep texts of at least the newest night (1)`);
  }
}

/** Applies the retention rules to every night of `store`. */
export async function applyRetention(store: string, options: RetentionOptions): Promise<RetentionSummary> {
  checkRetention(options);
  const nights = (await readNights(store)).reverse(); // newest first
  const seen = new Map<string, number>();
  const removedResults: string[] = [];
  const removedNights: string[] = [];
  const trimmedNights: string[] = [];
  let left = 0;
  for (const [age, n] of nights.entries()) {
    const keep = n.results.filter((r) => {
      const count = (seen.get(r.result.config.id) ?? 0) + 1;
      seen.set(r.result.config.id, count);
      return count <= options.maxNights;
    });
    for (const r of n.results.filter((x) => !keep.includes(x))) {
      await rm(r.source, { force: true });
      removedResults.push(r.source);
    }
    if (keep.length === 0) {
      await rm(n.dir, { recursive: true, force: true });
      removedNights.push(basename(n.dir));
      continue;
    }
    left++;
    if (age >= options.keepUtteranceNights && !n.night.utterancesTrimmed) {
      for (const r of keep) await writeCompactResult(r.source, compactResult(r.raw, true));
      await writeJsonAtomic(join(n.dir, NIGHT_FILE), { ...n.night, utterancesTrimmed: true });
      trimmedNights.push(basename(n.dir));
    }
  }
  return { removedResults, removedNights, trimmedNights, nights: left };
}
