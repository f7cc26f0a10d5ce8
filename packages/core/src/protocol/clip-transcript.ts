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
