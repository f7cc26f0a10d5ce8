/**
 * The long-audio strategy dimension of a sweep: the single pass (the seed protocol) or chunked
 * windows, how a command line names them, and the encoder frame wall each must respect.
 */
import type { ChunkedStrategy, LongStrategy } from '@parakeet-bench/core';
import { encoderFramesFor, strategySlug } from '@parakeet-bench/core';

/** The chunked strategy a refused single pass is pointed to. */
export const SUGGESTED_CHUNKED = '{ "strategy": "chunked", "windowSec": 60, "overlapSec": 10 }';

/**
 * `single`, `chunked` (60 s windows, 10 s overlap) or `chunked:<windowSec>:<overlapSec>`, as
 * `--long-strategy` takes them; the sweep schema validates the numbers.
 */
export function parseLongStrategy(text: string): LongStrategy | { strategy: 'chunked'; windowSec?: number; overlapSec?: number } {
  const t = text.trim();
  if (t === 'single') return { strategy: 'single' };
  const m = /^chunked(?::([^:]+):([^:]+))?$/.exec(t);
  if (!m) throw new Error(`--long-strategy "${text}": expected single, chunked, or chunked:<windowSec>:<overlapSec> (e.g. chunked:60:10)`);
  if (m[1] === undefined) return { strategy: 'chunked' };
  const [windowSec, overlapSec] = [Number(m[1]), Number(m[2])];
  if (!Number.isFinite(windowSec) || !Number.isFinite(overlapSec)) {
    throw new Error(`--long-strategy "${text}": window and overlap must be numbers of seconds, e.g. chunked:60:10`);
  }
  return { strategy: 'chunked', windowSec, overlapSec };
}

/** The chunked strategy of a config, or undefined for the single pass. */
export function chunkedOf(s: LongStrategy | undefined): ChunkedStrategy | undefined {
  return s?.strategy === 'chunked' ? s : undefined;
}

/**
 * Why `strategy` cannot run on a recording of `audioSec` (its longest encoder call is past the frame
 * wall), naming the fix; null when it can.
 */
export function frameWallRefusal(audio: string, audioSec: number, strategy: LongStrategy | undefined, maxEncoderFrames: number, subsamplingFactor: number): string | null {
  const chunked = chunkedOf(strategy);
  const callSec = chunked ? Math.min(chunked.windowSec, audioSec) : audioSec;
  const frames = encoderFramesFor(callSec, { subsamplingFactor });
  if (frames <= maxEncoderFrames) return null;
  const limit = `over the limit of ${maxEncoderFrames} (the real encoder fails past ~5000)`;
  if (chunked) return `${audio}: a ${strategySlug(chunked)} window of ${callSec.toFixed(1)} s needs ${frames} encoder frames, ${limit}; lower windowSec`;
  return (
    `${audio}: a single pass of ${audioSec.toFixed(1)} s needs ${frames} encoder frames, ${limit}; lower maxSec, ` +
    `or run it chunked: add ${SUGGESTED_CHUNKED} to the sweep's longStrategies (bench run --long-strategy chunked:60:10)`
  );
}
