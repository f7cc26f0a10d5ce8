/** A dataset with its audio in memory, as the harness loads it and the scorer reads it. */
import { TARGET_SAMPLE_RATE } from '../audio/resample.ts';
import { planWindows, windowClips } from '../protocol/chunked.ts';
import type { ChunkedStrategy } from '../schema.ts';

/** One utterance with its audio decoded to mono 16 kHz. */
export interface LoadedUtterance {
  readonly id: string;
  /** Where the audio came from (a path), for display. */
  readonly audio: string;
  readonly reference: string;
  readonly samples: Float32Array;
}

/** A corpus; utterances with an empty reference stay (scored as jiwer 4 does). */
export interface LoadedCorpus {
  readonly kind: 'corpus';
  readonly utterances: LoadedUtterance[];
}

/** The long-pass recording, cut to the protocol's first maxSec seconds. */
export interface LoadedLong {
  readonly kind: 'long';
  readonly audio: string;
  readonly samples: Float32Array;
  /** Section length of the protocol, in seconds. */
  readonly sectionSec: number;
  /** A human transcript of the whole pass, scored as a whole too. */
  readonly humanReference?: string;
}

/** Either kind. */
export type LoadedDataset = LoadedCorpus | LoadedLong;

/**
 * The clips a config transcribes: one per utterance; for a long recording the single pass, or with a
 * chunked strategy its windows (protocol/chunked.ts).
 */
export function clipsOf(data: LoadedDataset, strategy?: ChunkedStrategy): Float32Array[] {
  if (data.kind === 'corpus') return data.utterances.map((u) => u.samples);
  if (!strategy) return [data.samples];
  return windowClips(data.samples, planWindows(data.samples.length / TARGET_SAMPLE_RATE, strategy));
}
