/**
 * Rescoring a stored result with another normaliser, without decoding: results keep the raw reference
 * and hypothesis of every utterance and long-pass section, which is all scoring needs.
 */
import type { BenchResult, Scoring } from '../schema.ts';
import { scoreUtterance } from './score.ts';
import { accuracyWithIntervals, longPassFacts, longPassOf } from './score-run.ts';
import { normalizerOf, sameScoring, scoringOf } from './scoring.ts';
import { timeFieldsOf, withSectionTimestamps } from './word-timing.ts';

/** Why a long pass loses its human-reference score on rescoring (the text is not stored). */
export const HUMAN_REFERENCE_DROPPED = 'longPass.humanReference dropped on rescoring: results do not store the human transcript, so it cannot be rescored (rerun the config to score it)';

/**
 * The result as if it had been scored with `scoring`: every utterance or section, the corpus
 * accuracy with its intervals, the worst section, the long pass's timestamp agreement and the
 * `scoring` field are recomputed from the stored texts and word times; timings, memory and hypotheses
 * stay. Results that are not `ok` have no scores and are
 * returned unchanged. Rescoring with the scoring a result already has reproduces its scores exactly.
 */
export function rescoreResult(result: BenchResult, scoring: Scoring): BenchResult {
  if (result.status !== 'ok') return result;
  const normalize = normalizerOf(scoring);
  const utterances = result.utterances.map((u) => ({ ...scoreUtterance(u.id, u.audio, u.durationSec, u.reference, u.hypothesis, normalize), ...timeFieldsOf(u) }));
  const out: BenchResult = { ...result, utterances, scoring: { ...scoring } };
  if (utterances.length > 0) out.accuracy = accuracyWithIntervals(utterances);
  const lp = result.longPass;
  if (lp) {
    // Which words align as hits depends on the normaliser: timestamp agreement is recomputed too.
    const { sections, overall } = withSectionTimestamps(
      lp.sections.map((s) => ({
        index: s.index,
        startSec: s.startSec,
        endSec: s.endSec,
        ...scoreUtterance(s.id, s.audio, s.durationSec, s.reference, s.hypothesis, normalize),
        ...timeFieldsOf(s),
      })),
      normalize,
    );
    const pass = { ...longPassFacts(lp), ...(overall ? { timestamps: overall } : {}) };
    // The human transcript is scored as one utterance but not stored: keep its score only when the
    // normalisation does not change.
    const unchanged = sameScoring(scoring, scoringOf(result));
    out.longPass = longPassOf(sections, pass, unchanged ? lp.humanReference : undefined);
    if (sections.length > 0) out.accuracy = accuracyWithIntervals(sections);
    if (lp.humanReference && !unchanged && out.model && !out.model.notes.includes(HUMAN_REFERENCE_DROPPED)) {
      out.model = { ...out.model, notes: [...out.model.notes, HUMAN_REFERENCE_DROPPED] };
    }
  }
  return out;
}
