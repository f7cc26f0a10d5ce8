/**
 * Accuracy comparison. Decoding on a fixed backend is deterministic, so besides the WER/CER limits
 * every edit count and hypothesis is compared exactly: a change at equal WER still means the model,
 * decoder or scoring changed, and the finding names the utterance or section so it can be listened to.
 */
import type { BenchResult, ErrorCounts, SectionResult, UtteranceResult } from '@parakeet-bench/core';
import { scoringLabel, scoringMismatch, scoringOf } from '@parakeet-bench/core';
import type { PairedWerVerdict } from './paired-wer-rule.ts';
import { pairedWerVerdict } from './paired-wer-rule.ts';
import type { GateRow } from './report.ts';
import { worstVerdict } from './report.ts';
import type { GateRules, Verdict } from './rules.ts';

type Limits = { warn: number; fail: number };

// Float noise from summing fractions must not turn "equal" into a 1e-15-point rise.
const EPSILON_POINTS = 1e-9;

/** Verdict of a rise of `deltaPoints` percentage points against a warn/fail pair. */
export function pointsVerdict(deltaPoints: number, limits: Limits): Verdict {
  if (deltaPoints > limits.fail + EPSILON_POINTS) return 'fail';
  if (deltaPoints > limits.warn + EPSILON_POINTS) return 'warn';
  return 'pass';
}

function countsText(c: ErrorCounts): string {
  return `S${c.substitutions}/D${c.deletions}/I${c.insertions}/N${c.referenceLength}`;
}

function sameCounts(a: ErrorCounts, b: ErrorCounts): boolean {
  return (
    a.substitutions === b.substitutions &&
    a.deletions === b.deletions &&
    a.insertions === b.insertions &&
    a.referenceLength === b.referenceLength &&
    a.hits === b.hits
  );
}

/** One WER or CER row: the limit on the rise, then an exact check of the edit counts behind it. */
function rateRow(
  configId: string,
  metric: string,
  current: { rate: number; counts: ErrorCounts },
  baseline: { rate: number; counts: ErrorCounts },
  limits: Limits,
  rules: GateRules,
  /** A rule that may change the point-limit verdict (the paired significance rule of corpus WER). */
  adjust?: (pointVerdict: Verdict) => PairedWerVerdict | undefined,
): GateRow {
  const delta = 100 * (current.rate - baseline.rate);
  const pointVerdict = pointsVerdict(delta, limits);
  const adjusted = adjust?.(pointVerdict);
  let verdict = adjusted?.verdict ?? pointVerdict;
  const notes: string[] = [];
  if (pointVerdict !== 'pass') notes.push(`rise beyond the ${pointVerdict} limit of ${limits[pointVerdict]} pt`);
  if (adjusted) notes.push(adjusted.note);
  if (!sameCounts(current.counts, baseline.counts)) {
    verdict = worstVerdict([verdict, rules.accuracy.transcriptChange]);
    notes.push(`edit counts ${countsText(baseline.counts)} -> ${countsText(current.counts)}`);
  }
  const row: GateRow = { configId, metric, kind: 'rate', current: current.rate, baseline: baseline.rate, delta, verdict };
  if (notes.length) row.note = notes.join('; ');
  if (adjusted?.paired) row.paired = adjusted.paired;
  return row;
}

interface Item {
  key: string;
  label: string;
  reference: string;
  hypothesis: string;
  wer: number;
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;

/**
 * Compares two lists of scored items (utterances or sections) by key: changed hypotheses, changed
 * references (the data set moved) and items present on one side only.
 */
function itemsRow(configId: string, metric: string, current: Item[], baseline: Item[], rules: GateRules): GateRow {
  const base = new Map(baseline.map((i) => [i.key, i]));
  const cur = new Map(current.map((i) => [i.key, i]));
  const changed: { item: Item; before: Item }[] = [];
  const referenceChanged: string[] = [];
  for (const item of current) {
    const before = base.get(item.key);
    if (!before) continue;
    if (before.reference !== item.reference) referenceChanged.push(item.label);
    else if (before.hypothesis !== item.hypothesis) changed.push({ item, before });
  }
  const missing = baseline.filter((i) => !cur.has(i.key)).map((i) => i.label);
  const added = current.filter((i) => !base.has(i.key)).map((i) => i.label);
  // Largest WER rise first: the utterance most worth listening to leads the note.
  changed.sort((a, b) => b.item.wer - b.before.wer - (a.item.wer - a.before.wer));

  const max = rules.accuracy.maxNamedItems;
  const name = (labels: string[]) =>
    labels.slice(0, max).join(', ') + (labels.length > max ? ` and ${labels.length - max} more` : '');
  const notes: string[] = [];
  if (changed.length) {
    const described = changed.map(({ item, before }) =>
      item.wer === before.wer
        ? `${item.label} (hypothesis changed at equal WER ${pct(item.wer)})`
        : `${item.label} (WER ${pct(before.wer)} -> ${pct(item.wer)})`,
    );
    notes.push(`changed: ${name(described)}`);
  }
  if (referenceChanged.length) notes.push(`reference text changed (data set moved): ${name(referenceChanged)}`);
  if (missing.length) notes.push(`missing: ${name(missing)}`);
  if (added.length) notes.push(`new: ${name(added)}`);

  const verdict = worstVerdict([
    changed.length ? rules.accuracy.transcriptChange : 'pass',
    referenceChanged.length || missing.length || added.length ? rules.accuracy.itemSetChange : 'pass',
  ]);
  const common = current.length - added.length;
  const row: GateRow = {
    configId,
    metric,
    kind: 'text',
    current: `${changed.length + referenceChanged.length} of ${common} changed`,
    baseline: `${baseline.length} items`,
    delta: null,
    verdict,
  };
  if (notes.length) row.note = notes.join('; ');
  return row;
}

const utteranceItem = (u: UtteranceResult): Item => ({ key: u.id, label: u.id, reference: u.reference, hypothesis: u.hypothesis, wer: u.wer });
const sectionItem = (s: SectionResult): Item => ({
  key: String(s.index),
  label: `section ${s.index} (${s.startSec}-${s.endSec} s)`,
  reference: s.reference,
  hypothesis: s.hypothesis,
  wer: s.wer,
});

function missingMetricRow(configId: string, metric: string, rules: GateRules): GateRow {
  return {
    configId, metric, kind: 'text', current: null, baseline: 'present', delta: null,
    verdict: rules.findings.missingMetric,
    note: `the baseline has ${metric} but the current result does not`,
  };
}

/** All accuracy rows of one config (both results have status `ok`). */
export function compareAccuracy(current: BenchResult, baseline: BenchResult, rules: GateRules): GateRow[] {
  const id = current.config.id;
  const rows: GateRow[] = [];
  const { accuracy: cur, longPass: curLong } = current;
  const { accuracy: base, longPass: baseLong } = baseline;
  const a = rules.accuracy;
  // Counts normalised differently measure different things: refuse, naming both and the fix.
  const mismatch = scoringMismatch(current, baseline, ['current', 'baseline']);
  if (mismatch && (cur || curLong) && (base || baseLong)) {
    return [{
      configId: id, metric: 'normalizer', kind: 'text', current: scoringLabel(scoringOf(current)), baseline: scoringLabel(scoringOf(baseline)),
      delta: null, verdict: 'fail', note: `accuracy not compared: ${mismatch}`,
    }];
  }
  if (base && !cur) rows.push(missingMetricRow(id, 'accuracy', rules));
  if (cur && base) {
    const paired = (pointVerdict: Verdict) => pairedWerVerdict(current, baseline, pointVerdict, rules);
    rows.push(rateRow(id, 'wer', { rate: cur.wer, counts: cur.words }, { rate: base.wer, counts: base.words }, a.werPoints, rules, paired));
    rows.push(rateRow(id, 'cer', { rate: cur.cer, counts: cur.chars }, { rate: base.cer, counts: base.chars }, a.cerPoints, rules));
  }
  if (baseline.utterances.length || current.utterances.length) {
    rows.push(itemsRow(id, 'transcripts', current.utterances.map(utteranceItem), baseline.utterances.map(utteranceItem), rules));
  }
  if (baseLong && !curLong) rows.push(missingMetricRow(id, 'longPass', rules));
  if (curLong && baseLong) {
    rows.push(itemsRow(id, 'section transcripts', curLong.sections.map(sectionItem), baseLong.sections.map(sectionItem), rules));
    const baseSections = new Map(baseLong.sections.map((s) => [s.index, s]));
    for (const s of curLong.sections) {
      const b = baseSections.get(s.index);
      if (!b) continue;
      rows.push(rateRow(id, `section ${s.index} wer`, { rate: s.wer, counts: s.words }, { rate: b.wer, counts: b.words }, a.sectionWerPoints, rules));
      rows.push(rateRow(id, `section ${s.index} cer`, { rate: s.cer, counts: s.chars }, { rate: b.cer, counts: b.chars }, a.sectionCerPoints, rules));
    }
    const h = curLong.humanReference;
    const hb = baseLong.humanReference;
    if (h && hb) {
      rows.push(rateRow(id, 'long human wer', { rate: h.wer, counts: h.words }, { rate: hb.wer, counts: hb.words }, a.werPoints, rules));
    }
  }
  return rows;
}
