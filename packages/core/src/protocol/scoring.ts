/**
 * Which normaliser a result was scored with, and the checks every comparison of two results makes
 * first: counts normalised differently measure different things, so they are never compared.
 */
import type { BenchResult, Scoring } from '../schema.ts';
import { getNormalizer } from '../text/normalizers/registry.ts';

/** Scoring of results written before the field existed, and of sweeps that do not choose. */
export const DEFAULT_SCORING: Scoring = { normalizer: 'default' };

/** The scoring a result was computed with (`default` when the result does not say). */
export function scoringOf(result: Pick<BenchResult, 'scoring'>): Scoring {
  return result.scoring ?? DEFAULT_SCORING;
}

/** `default`, or `open-asr-multilingual (fr)` when a language was given. */
export function scoringLabel(s: Scoring): string {
  return s.language === undefined ? s.normalizer : `${s.normalizer} (${s.language})`;
}

/** True when both were normalised the same way (same normaliser and language). */
export function sameScoring(a: Scoring, b: Scoring): boolean {
  return a.normalizer === b.normalizer && a.language === b.language;
}

/**
 * Why two results cannot be compared because they were normalised differently, or undefined when they
 * can. `what` names the two sides, e.g. `['current', 'baseline']`.
 */
export function scoringMismatch(a: Pick<BenchResult, 'scoring'>, b: Pick<BenchResult, 'scoring'>, what: readonly [string, string]): string | undefined {
  const sa = scoringOf(a);
  const sb = scoringOf(b);
  if (sameScoring(sa, sb)) return undefined;
  return (
    `${what[0]} was scored with normalizer ${scoringLabel(sa)}, ${what[1]} with ${scoringLabel(sb)}; ` +
    `their counts are not comparable: rescore one side (bench rescore --normalizer ${sb.normalizer}${sb.language ? ` --language ${sb.language}` : ''} --results <dir>)`
  );
}

/** The text function of a scoring (the normaliser with its language bound). */
export function normalizerOf(s: Scoring): (text: string) => string {
  return getNormalizer(s.normalizer, s.language);
}
