import type { SectionResult } from '../schema.ts';
import type { ModelConfig } from '../model/config.ts';
import { TARGET_SAMPLE_RATE as SAMPLE_RATE } from '../audio/resample.ts';
import { scoreUtterance } from './score.ts';

/** One section of the long pass: [startSec, endSec). */
export interface SectionPlan {
  readonly index: number;
  readonly startSec: number;
  readonly endSec: number;
}

/** A trailing section shorter than this joins the one before it (too short to score on its own). */
export const MIN_TRAILING_SECTION_SEC = 1;

/**
 * Splits [0, durationSec) into sections of `sectionSec`; the last one may be shorter, and joins the
 * previous one when under {@link MIN_TRAILING_SECTION_SEC}. A recording shorter than one section is
 * refused: the protocol scores a long pass against sections, and one partial section is not that.
 */
export function planSections(durationSec: number, sectionSec = 60): SectionPlan[] {
  if (!(sectionSec > 0)) throw new Error(`section length must be > 0 s, got ${sectionSec}`);
  if (durationSec < sectionSec) {
    throw new Error(
      `the recording is ${durationSec.toFixed(2)} s, shorter than one ${sectionSec} s section: the long-audio protocol needs at least one whole section; use a longer recording, a smaller sectionSec, or a corpus dataset (folder or manifest)`,
    );
  }
  const plans: SectionPlan[] = [];
  for (let k = 0; k * sectionSec < durationSec; k++) {
    plans.push({ index: k, startSec: k * sectionSec, endSec: Math.min((k + 1) * sectionSec, durationSec) });
  }
  const last = plans.at(-1)!;
  if (plans.length > 1 && last.endSec - last.startSec < MIN_TRAILING_SECTION_SEC) {
    plans.pop();
    plans[plans.length - 1] = { ...plans[plans.length - 1]!, endSec: durationSec };
  }
  return plans;
}

/** The samples of [startSec, endSec). */
export function sliceSeconds(samples: Float32Array, startSec: number, endSec: number): Float32Array {
  return samples.subarray(Math.round(startSec * SAMPLE_RATE), Math.round(endSec * SAMPLE_RATE));
}

/**
 * Words of the long pass per section, by the timestamp of each word's first token (so a word whose
 * pieces straddle a boundary is not split in two).
 */
export function wordsBySection(
  words: readonly { text: string; startSec: number }[],
  plans: readonly SectionPlan[],
): string[] {
  return timedWordsBySection(words, plans).map((ws) => ws.map((w) => w.text).join(' '));
}

/** The words themselves per section, by the same rule as {@link wordsBySection}. */
export function timedWordsBySection<W extends { text: string; startSec: number }>(words: readonly W[], plans: readonly SectionPlan[]): W[][] {
  const out = plans.map(() => [] as W[]);
  for (const w of words) {
    const plan = plans.find((p) => w.startSec >= p.startSec && w.startSec < p.endSec) ?? plans[plans.length - 1];
    if (plan) out[plan.index]!.push(w);
  }
  return out;
}

/**
 * Encoder frames a single pass of `durationSec` produces; used to refuse passes beyond the real
 * encoder's ~5000-frame wall before spending minutes on them.
 */
export function encoderFramesFor(durationSec: number, config: Pick<ModelConfig, 'subsamplingFactor'>): number {
  const melFrames = Math.floor((durationSec * SAMPLE_RATE) / 160) + 1;
  return Math.ceil(melFrames / config.subsamplingFactor);
}

/** Scores each section's long-pass words against the oracle's transcript of that section alone. */
export function scoreSections(
  plans: readonly SectionPlan[],
  oracle: readonly string[],
  hypotheses: readonly string[],
  audio: string,
  normalize?: (text: string) => string,
): SectionResult[] {
  if (oracle.length !== plans.length || hypotheses.length !== plans.length) {
    throw new Error(
      `section count mismatch: ${plans.length} sections, ${oracle.length} oracle transcripts, ${hypotheses.length} hypotheses`,
    );
  }
  return plans.map((p) => ({
    index: p.index,
    startSec: p.startSec,
    endSec: p.endSec,
    ...scoreUtterance(`section-${p.index}`, audio, p.endSec - p.startSec, oracle[p.index]!, hypotheses[p.index]!, normalize),
  }));
}
