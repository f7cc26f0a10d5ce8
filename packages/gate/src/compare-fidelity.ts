/**
 * The encoder-fidelity rule: a config's encoder output must not fall away from the oracle's further
 * than its baseline did (per long-pass section, or overall on a corpus), and, when a floor is set,
 * not below it. Cosines are deterministic on one backend and runtime, so a small drop already means
 * the encoder's numbers moved, often before any word does.
 */
import type { BenchResult, EncoderFidelity } from '@parakeet-bench/core';
import { worstCosine } from '@parakeet-bench/core';
import type { GateRow } from './report.ts';
import { worstVerdict } from './report.ts';
import type { GateRules, Verdict } from './rules.ts';

// Float noise of an unchanged encoder must not read as a drop.
const EPSILON = 1e-12;

/** Cosines by span: each long-pass section by index, else the overall one. */
function spans(f: EncoderFidelity): Map<string, { label: string; cosine: number }> {
  if (!f.sections) return new Map([['overall', { label: 'overall', cosine: f.overall.cosine }]]);
  return new Map(f.sections.map((s) => [String(s.index), { label: `section ${s.index} (${s.startSec}-${s.endSec} s)`, cosine: s.cosine }]));
}

function dropVerdict(drop: number, limits: { warn: number; fail: number }): Verdict {
  if (drop > limits.fail + EPSILON) return 'fail';
  if (drop > limits.warn + EPSILON) return 'warn';
  return 'pass';
}

function floorVerdict(cosine: number, r: GateRules['encoderFidelity']['minCosine']): Verdict {
  if (r.fail !== null && cosine < r.fail) return 'fail';
  if (r.warn !== null && cosine < r.warn) return 'warn';
  return 'pass';
}

/**
 * The fidelity row of one config: `baseline` may be absent (a new config: only the floor applies).
 * No row when neither side carries fidelity.
 */
export function compareFidelity(current: BenchResult, baseline: BenchResult | undefined, rules: GateRules): GateRow[] {
  const id = current.config.id;
  const cur = current.encoderFidelity;
  const base = baseline?.encoderFidelity;
  const metric = (cur ?? base)?.sections ? 'encoder cosine (worst section)' : 'encoder cosine';
  if (!cur) {
    if (!base) return [];
    return [{ configId: id, metric, kind: 'text', current: null, baseline: 'present', delta: null, verdict: rules.findings.missingMetric, note: 'the baseline has encoderFidelity but the current result does not' }];
  }
  const r = rules.encoderFidelity;
  const notes: string[] = [];
  const worst = worstCosine(cur);
  const where = worst.section ? ` (section ${worst.section.index})` : '';
  let verdict: Verdict = 'pass';
  const floorApplies = !r.minCosine.variants || r.minCosine.variants.includes(current.config.variant);
  if (floorApplies) {
    const v = floorVerdict(worst.cosine, r.minCosine);
    if (v !== 'pass') notes.push(`cosine ${worst.cosine.toFixed(4)}${where} is below the ${v} floor ${r.minCosine[v]}`);
    verdict = worstVerdict([verdict, v]);
  }
  let delta: number | null = null;
  if (base) {
    if (base.oracleVariant !== cur.oracleVariant) {
      notes.push(`not compared with the baseline: its oracle is ${base.oracleVariant}, now ${cur.oracleVariant}`);
    } else {
      const before = spans(base);
      let largest: { label: string; was: number; now: number } | null = null;
      for (const [key, now] of spans(cur)) {
        const was = before.get(key);
        if (was && (!largest || was.cosine - now.cosine > largest.was - largest.now)) largest = { label: now.label, was: was.cosine, now: now.cosine };
      }
      if (largest) {
        delta = largest.now - largest.was;
        const v = dropVerdict(-delta, r.cosineDrop);
        if (v !== 'pass') notes.push(`${largest.label}: cosine ${largest.was.toFixed(4)} -> ${largest.now.toFixed(4)}, a drop beyond the ${v} limit ${r.cosineDrop[v]}`);
        verdict = worstVerdict([verdict, v]);
      }
    }
  }
  const row: GateRow = { configId: id, metric, kind: 'cosine', current: worst.cosine, baseline: base ? worstCosine(base).cosine : null, delta, verdict };
  if (notes.length) row.note = notes.join('; ');
  return [row];
}
