/**
 * Timing and memory comparison. Both are noisy, so each side is summarised by the median of its
 * repeats and a regression only counts when it is beyond the limit AND beyond the noise band.
 */
import type { BenchResult } from '@parakeet-bench/core';
import type { GateRow, MetricKind } from './report.ts';
import { capVerdict, worstVerdict } from './report.ts';
import type { GateRules, Verdict } from './rules.ts';
import { median, noiseBand } from './stats.ts';

interface RatioMetric {
  metric: string;
  kind: MetricKind;
  rules: (r: GateRules) => GateRules['rtfx'];
  samples: (r: BenchResult) => (number | undefined)[];
  /** Why the two sides' samples measure different things (then no ratio is computed), or null. */
  incomparable?: (current: BenchResult[], baseline: BenchResult[]) => string | null;
  /** >1 means worse: rtfx falls when slower, RAM rises when worse. */
  regression: (current: number, baseline: number) => number;
  worse: string;
}

const metrics: RatioMetric[] = [
  {
    metric: 'rtfx',
    kind: 'rtfx',
    rules: (r) => r.rtfx,
    // Repeats inside one result (timing.repeats) are samples too, like repeats across result files.
    samples: (r) => (r.timing?.repeats?.length ? r.timing.repeats.map((x) => x.rtfx) : [r.timing?.rtfx]),
    regression: (c, b) => (c === 0 ? Number.POSITIVE_INFINITY : b / c),
    worse: 'slower',
  },
  {
    metric: 'peakRssBytes',
    kind: 'bytes',
    rules: (r) => r.peakRss,
    samples: (r) => [r.memory?.peakRssBytes],
    // Schema-1 results measured the peak from before the runtime started and, on cached-encoder
    // configs, without the encoder run: not the same number.
    incomparable: (c, b) => {
      const legacy = (rs: BenchResult[]) => rs.some((r) => r.memory?.legacy !== undefined);
      if (legacy(c) === legacy(b)) return null;
      return `the ${legacy(b) ? 'baseline' : 'current'} result was written by result schema 1, whose memory is measured differently: refresh the baseline (bench baseline update)`;
    },
    regression: (c, b) => (b === 0 ? (c === 0 ? 1 : Number.POSITIVE_INFINITY) : c / b),
    worse: 'more memory',
  },
];

/** Verdict of a regression ratio against limits, never failing inside the noise band. */
export function ratioVerdict(ratio: number, limits: { warn: number; fail: number }, band: number): Verdict {
  if (ratio > Math.max(limits.fail, 1 + band)) return 'fail';
  if (ratio > Math.max(limits.warn, 1 + band)) return 'warn';
  return 'pass';
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

function samplesOf(results: BenchResult[], m: RatioMetric): number[] {
  return results.flatMap(m.samples).filter((x): x is number => x !== undefined);
}

/**
 * Timing and memory rows of one config from its ok repeats on each side. `hardwareChange` names the
 * machine fields that differ: ratios across machines are not regressions, so verdicts are capped.
 */
export function comparePerformance(
  configId: string,
  current: BenchResult[],
  baseline: BenchResult[],
  rules: GateRules,
  hardwareChange: string[],
): GateRow[] {
  const rows: GateRow[] = [];
  for (const m of metrics) {
    const cur = samplesOf(current, m);
    const base = samplesOf(baseline, m);
    if (base.length === 0) continue;
    if (cur.length === 0) {
      rows.push({
        configId, metric: m.metric, kind: 'text', current: null, baseline: median(base), delta: null,
        verdict: rules.findings.missingMetric, note: `the baseline has ${m.metric} but the current result does not`,
      });
      continue;
    }
    const why = m.incomparable?.(current, baseline);
    if (why) {
      rows.push({ configId, metric: m.metric, kind: 'text', current: null, baseline: median(base), delta: null, verdict: rules.findings.missingMetric, note: why });
      continue;
    }
    const r = m.rules(rules);
    const c = median(cur);
    const b = median(base);
    const band = noiseBand(cur, base, r.noiseFloor);
    const ratio = m.regression(c, b);
    let verdict = ratioVerdict(ratio, r.ratio, band);
    const notes: string[] = [];
    if (verdict !== 'pass') notes.push(`${ratio.toFixed(2)}x ${m.worse}, beyond the ${verdict} limit ${r.ratio[verdict]}x and the band ±${pct(band)}`);
    else if (ratio < 1 / (1 + band)) notes.push('improved beyond the noise band: consider `bench baseline update`');
    if (1 + band >= r.ratio.fail) {
      // Not silent: a band this wide means the gate cannot see a regression of the fail size.
      verdict = worstVerdict([verdict, 'warn']);
      notes.push(`noise band ±${pct(band)} reaches the fail limit ${r.ratio.fail}x: add repeats or use a quieter machine`);
    }
    if (hardwareChange.length && verdict !== capVerdict(verdict, rules.environment.capOnHardwareChange)) {
      verdict = capVerdict(verdict, rules.environment.capOnHardwareChange);
      notes.push(`capped at ${verdict}: hardware changed (${hardwareChange.join(', ')})`);
    }
    const row: GateRow = {
      configId, metric: m.metric, kind: m.kind, current: c, baseline: b,
      delta: b === 0 ? null : c / b - 1, band, samples: { current: cur.length, baseline: base.length }, verdict,
    };
    if (notes.length) row.note = notes.join('; ');
    rows.push(row);
  }
  return rows;
}
