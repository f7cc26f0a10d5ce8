/**
 * The gate's significance rule for corpus WER (`accuracy.pairedWer` in gate.json): current against
 * baseline over the same utterances, with the paired bootstrap every report uses (core's `pairedWer`),
 * so a real-model nightly fails a real regression below the point limits and does not fail on noise
 * above them. Long passes (one recording's sections) keep the point limits alone.
 */
import type { BenchResult, PairedWer } from '@parakeet-bench/core';
import { formatPValue, formatPairedComparison, pairedWer } from '@parakeet-bench/core';
import { capVerdict, worstVerdict } from './report.ts';
import type { GateRules, Verdict } from './rules.ts';

/** The WER row's verdict under the rule, why, and the statistics behind it. */
export interface PairedWerVerdict {
  readonly verdict: Verdict;
  readonly note: string;
  readonly paired?: PairedWer;
}

/**
 * The verdict of a corpus WER row whose point limits gave `pointVerdict`, under the paired rule;
 * undefined when the rule is off or the results are not corpus results (no utterances, or a long pass).
 */
export function pairedWerVerdict(current: BenchResult, baseline: BenchResult, pointVerdict: Verdict, rules: GateRules): PairedWerVerdict | undefined {
  const rule = rules.accuracy.pairedWer;
  if (rule.mode === 'off') return undefined;
  const corpus = (r: BenchResult) => r.utterances.length > 0 && !r.longPass;
  if (!corpus(current) || !corpus(baseline)) return undefined;
  let paired: PairedWer;
  try {
    paired = pairedWer(baseline, current, ['baseline', 'current']);
  } catch (e) {
    return { verdict: pointVerdict, note: `paired test not possible, the point limits decide: ${(e as Error).message}` };
  }
  const b = paired.bootstrap;
  const stats = `paired ${formatPairedComparison('current', 'baseline', b)}; MAPSSWE ${formatPValue(paired.mapsswe.pValue)}`;
  if (b.significant && b.deltaPts > 0 && b.deltaPts >= rule.minRisePoints) {
    const verdict = worstVerdict([pointVerdict, rule.significantRise]);
    return { verdict, note: `${stats}: a significant rise (${verdict})`, paired };
  }
  const verdict = capVerdict(pointVerdict, rule.insignificantRise);
  const why = b.significant && b.deltaPts > 0 ? `a significant rise below minRisePoints ${rule.minRisePoints}` : 'no significant rise';
  const capped = verdict !== pointVerdict ? `; over the ${pointVerdict} limit, capped at ${verdict}` : '';
  return { verdict, note: `${stats}: ${why}${capped}`, paired };
}
