/**
 * Builds a result's encoder-fidelity block from the variant's and the oracle's encoder outputs on the
 * same clips (and, when given, the joint agreement along the oracle's greedy path): every clip
 * together, then for a long pass per protocol section and per window of frames.
 */
import type { EncodedAudio } from '../model/acoustic.ts';
import type { SectionPlan } from '../protocol/sections.ts';
import type { EncoderFidelity } from './fidelity-schema.ts';
import type { SpanSums } from './similarity.ts';
import { addFrames, comparableFrames, noSums, similarityOf } from './similarity.ts';

/** Window length along a long pass (seconds); 10 s = 125 frames of 80 ms. */
export const FIDELITY_WINDOW_SEC = 10;

/** What {@link encoderFidelity} compares. */
export interface FidelityInput {
  readonly oracleVariant: string;
  readonly runtime: string;
  /** The config variant's encoder output, per clip. */
  readonly own: readonly EncodedAudio[];
  /** The oracle's, on the same clips. */
  readonly oracle: readonly EncodedAudio[];
  /** Per clip, per call of the oracle's greedy path: its frame and whether the variant agreed (see joint-agreement.ts). */
  readonly agreement: readonly (readonly { readonly frame: number; readonly agreed: boolean }[])[];
  /** A long pass (one clip): its protocol sections. */
  readonly sections?: readonly SectionPlan[];
  /** Seconds per encoder frame. */
  readonly frameSec: number;
  readonly windowSec?: number;
}

/** First frame whose timestamp (t * frameSec) is at or after `sec`: how the protocol assigns words to sections. */
function frameAt(sec: number, frameSec: number): number {
  return Math.ceil(sec / frameSec - 1e-9);
}

function agreementIn(calls: readonly { frame: number; agreed: boolean }[], from: number, to: number) {
  const inside = calls.filter((c) => c.frame >= from && c.frame < to);
  return { decoderCalls: inside.length, agreedCalls: inside.filter((c) => c.agreed).length };
}

/** The fidelity block of a config's result. */
export function encoderFidelity(input: FidelityInput): EncoderFidelity {
  const { own, oracle, frameSec } = input;
  if (own.length !== oracle.length) throw new Error(`encoder fidelity: ${own.length} clips of the variant against ${oracle.length} of the oracle`);
  const total: SpanSums = noSums();
  const lengths = own.map((a, i) => comparableFrames(a, oracle[i]!, `clip ${i}`));
  own.forEach((a, i) => addFrames(total, a, oracle[i]!, 0, lengths[i]!));
  const allCalls = input.agreement.flat();
  const out: EncoderFidelity = {
    oracleVariant: input.oracleVariant,
    runtime: input.runtime,
    overall: { ...similarityOf(total), decoderCalls: allCalls.length, agreedCalls: allCalls.filter((c) => c.agreed).length },
  };
  if (!input.sections) return out;
  if (own.length !== 1) throw new Error(`encoder fidelity: a long pass is one clip, got ${own.length}`);
  const a = own[0]!;
  const b = oracle[0]!;
  const n = lengths[0]!;
  const calls = input.agreement[0] ?? [];
  const sections = input.sections.map((p, i, all) => {
    const from = Math.min(n, frameAt(p.startSec, frameSec));
    // The last section takes every frame left (the protocol's last section ends at the pass's end).
    const to = i === all.length - 1 ? n : Math.min(n, frameAt(p.endSec, frameSec));
    return { index: p.index, startSec: p.startSec, endSec: p.endSec, ...similarityOf(addFrames(noSums(), a, b, from, to)), ...agreementIn(calls, from, to) };
  });
  const windowSec = input.windowSec ?? FIDELITY_WINDOW_SEC;
  const step = Math.max(1, Math.round(windowSec / frameSec));
  const windows = [];
  for (let from = 0; from < n; from += step) {
    const to = Math.min(n, from + step);
    windows.push({ startSec: from * frameSec, endSec: to * frameSec, ...similarityOf(addFrames(noSums(), a, b, from, to)) });
  }
  return { ...out, sections, windowSec, windows };
}
