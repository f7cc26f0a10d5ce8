import type { StageTimings } from '../transcribe.ts';
import type { TimedWord } from '../text/detokenize.ts';

/**
 * What a runner reports for one transcribed clip, whatever the runtime (Node process or browser
 * page): scoring and result building need nothing else.
 */
export interface ClipTranscript {
  readonly text: string;
  readonly words: readonly TimedWord[];
  /** Input samples (16 kHz) and the lengths nemo128 and the encoder reported. */
  readonly samples: number;
  readonly featuresLength: number;
  readonly encodedLength: number;
  readonly timings: StageTimings;
  readonly decoderCalls: number;
  readonly meanLiveHypotheses?: number;
}

/** Stage times summed over clips. */
export function sumTimings(clips: readonly ClipTranscript[]): StageTimings {
  const t: StageTimings = { preprocessMs: 0, encodeMs: 0, decodeMs: 0 };
  for (const c of clips) {
    t.preprocessMs += c.timings.preprocessMs;
    t.encodeMs += c.timings.encodeMs;
    t.decodeMs += c.timings.decodeMs;
  }
  return t;
}

/** Mean live hypotheses over clips, weighted by decoder calls (beam search only). */
export function liveMean(clips: readonly ClipTranscript[]): number | undefined {
  let weighted = 0;
  let calls = 0;
  for (const c of clips) {
    if (c.meanLiveHypotheses === undefined) continue;
    weighted += c.meanLiveHypotheses * c.decoderCalls;
    calls += c.decoderCalls;
  }
  return calls ? weighted / calls : undefined;
}
