/**
 * Word-start agreement of every config, computed from result JSON only (so the run summary, summary.md,
 * the dashboard and the gate show the same numbers):
 * - a long pass against the fp32 oracle's transcript of each section alone (stored in the result);
 * - a corpus against its reference config (the sweep's `compareTo`, default the oracle variant) with
 *   the same dataset, backend, threads and decoder, utterance by utterance: the words both
 *   transcripts share (aligned as hits) and how far apart they start.
 */
import { normalizerOf, scoringMismatch, scoringOf } from '../protocol/scoring.ts';
import { hitStartDiffsMs, summarizeStartDiffs } from '../protocol/word-timing.ts';
import type { BenchResult, TimestampAgreement } from '../schema.ts';
import type { ReferenceOptions } from './reference-comparisons.ts';
import { comparisonSetting, sameSetting } from './reference-comparisons.ts';

/** Agreement of one long-pass section. */
export interface SectionTimestamps {
  readonly index: number;
  readonly startSec: number;
  readonly endSec: number;
  readonly agreement?: TimestampAgreement;
}

/** One config's word-start agreement with its reference. */
export interface TimestampComparison {
  readonly dataset: string;
  readonly candidate: BenchResult;
  /** What the starts were compared with, in words. */
  readonly against: string;
  /** Over every hit word (absent when skipped, or when no word aligned as a hit). */
  readonly overall?: TimestampAgreement;
  /** Long passes: per section, in section order. */
  readonly sections?: readonly SectionTimestamps[];
  /** Why there is no agreement (no word times, reference missing, normalisers differ). */
  readonly skipped?: string;
}

const NO_TIMES = 'no word times in the result (written before they existed): rerun the config';

function longPassTimestamps(r: BenchResult): TimestampComparison {
  const lp = r.longPass!;
  const against = `${r.provenance?.oracle?.variant ?? 'the fp32 oracle'} transcribing each section alone`;
  const base = { dataset: r.config.dataset, candidate: r, against };
  if (!lp.sections.some((s) => s.wordTimes && s.referenceWordTimes)) return { ...base, skipped: NO_TIMES };
  const sections = lp.sections.map((s) => ({ index: s.index, startSec: s.startSec, endSec: s.endSec, ...(s.timestamps ? { agreement: s.timestamps } : {}) }));
  return { ...base, sections, ...(lp.timestamps ? { overall: lp.timestamps } : {}) };
}

/**
 * Absolute word-start differences (ms) of the hit words of `candidate`'s hypotheses against
 * `reference`'s, utterance by utterance (matched by id). Throws, naming both, when they cannot be
 * compared: normalised differently, or no utterance with times on both sides.
 */
export function pairedStartDiffsMs(reference: BenchResult, candidate: BenchResult): number[] {
  const names = [candidate.config.id, reference.config.id] as const;
  const mismatch = scoringMismatch(candidate, reference, names);
  if (mismatch) throw new Error(mismatch);
  const normalize = normalizerOf(scoringOf(candidate));
  const byId = new Map(reference.utterances.map((u) => [u.id, u]));
  const diffs: number[] = [];
  let paired = 0;
  for (const u of candidate.utterances) {
    const ref = byId.get(u.id);
    if (!ref) continue;
    const d = hitStartDiffsMs({ text: ref.hypothesis, ...(ref.wordTimes ? { times: ref.wordTimes } : {}) }, { text: u.hypothesis, ...(u.wordTimes ? { times: u.wordTimes } : {}) }, normalize);
    if (!d) continue;
    paired++;
    diffs.push(...d);
  }
  if (paired === 0) throw new Error(`${names[0]} and ${names[1]} share no utterance with word times on both sides (${NO_TIMES})`);
  return diffs;
}

/**
 * The word-start agreement of every ok result: long passes against the oracle's sections, corpora
 * against their reference variant (options.referenceVariant, else each result's `compareTo`). The
 * reference config of a corpus is not compared with itself.
 */
export function compareTimestamps(results: readonly BenchResult[], options: ReferenceOptions = {}): TimestampComparison[] {
  const out: TimestampComparison[] = [];
  for (const r of results) {
    if (r.status !== 'ok') continue;
    if (r.longPass) {
      out.push(longPassTimestamps(r));
      continue;
    }
    const referenceVariant = options.referenceVariant ?? r.compareTo;
    if (referenceVariant === undefined || referenceVariant === r.config.variant) continue;
    const base = { dataset: r.config.dataset, candidate: r, against: referenceVariant };
    const reference = results.find((x) => x.status === 'ok' && x.config.dataset === r.config.dataset && x.config.variant === referenceVariant && sameSetting(x.config, r.config));
    if (!reference) {
      out.push({ ...base, skipped: `no ok ${referenceVariant} result with ${comparisonSetting(r.config)} in these results` });
      continue;
    }
    try {
      const overall = summarizeStartDiffs(pairedStartDiffsMs(reference, r));
      out.push({ ...base, ...(overall ? { overall } : {}) });
    } catch (e) {
      out.push({ ...base, skipped: (e as Error).message });
    }
  }
  return out;
}
