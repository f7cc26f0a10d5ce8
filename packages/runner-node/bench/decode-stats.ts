/**
 * What bench:decode measures per (workload, decoder): wall time of whole decodes, the raw
 * onnxruntime `run()` time of the decoder_joint calls they made (the harness times every raw call),
 * calls and rows. TypeScript overhead = (decode wall time - summed bare run() time) / bare run() time.
 */
import type { DecodeContext, DecodeResult, DecoderConfig, EncodedAudio } from '@parakeet-bench/core';
import { createDecoder } from '@parakeet-bench/core';
import type { RunTime } from '../test/fixture-harness.ts';

/** Totals over the measured (not warm-up) iterations of one tinybench task. */
export interface DecodeStats {
  iterations: number;
  wallMs: number;
  bareRunMs: number;
  calls: number;
  rows: number;
  /** Best wall time per call of the same decode replayed with no runtime (see replayUsPerCall). */
  replayUsPerCall?: number;
}

/** A clip set decoded as one task. */
export interface Workload {
  readonly name: string;
  readonly clips: readonly EncodedAudio[];
}

export const emptyStats = (): DecodeStats => ({ iterations: 0, wallMs: 0, bareRunMs: 0, calls: 0, rows: 0 });

/**
 * The decode's own JavaScript per decoder_joint call: record the outputs of one decode, then replay
 * it `reps` times with every run answered from the recording (no onnxruntime at all) and keep the
 * fastest. What the TypeScript overhead has beyond this is what onnxruntime-node's JavaScript adds
 * around its timed run() and the garbage collection of its fresh output arrays.
 */
export async function replayUsPerCall(config: DecoderConfig, w: Workload, ctx: DecodeContext, timer: RunTime, reps: number): Promise<number> {
  const tap: NonNullable<RunTime['tap']> = { mode: 'record', log: [], next: 0 };
  timer.tap = tap;
  try {
    await decodeAll(config, w.clips, ctx);
    tap.mode = 'replay';
    let best = Infinity;
    for (let r = 0; r < reps; r++) {
      tap.next = 0;
      const t0 = performance.now();
      await decodeAll(config, w.clips, ctx);
      best = Math.min(best, performance.now() - t0);
    }
    return (1000 * best) / tap.log.length;
  } finally {
    delete timer.tap;
  }
}

/** Decodes every clip with a fresh decoder of `config`. */
export async function decodeAll(config: DecoderConfig, clips: readonly EncodedAudio[], ctx: DecodeContext): Promise<DecodeResult[]> {
  const decoder = createDecoder(config);
  const results: DecodeResult[] = [];
  for (const enc of clips) results.push(await decoder.decode(enc, ctx));
  return results;
}

/** A tinybench task body that also accumulates wall, bare run() time, calls and rows into `stats`. */
export function measuredDecode(config: DecoderConfig, w: Workload, ctx: DecodeContext, timer: RunTime, stats: DecodeStats): () => Promise<void> {
  return async () => {
    const bare0 = timer.ms;
    const t0 = performance.now();
    const results = await decodeAll(config, w.clips, ctx);
    stats.wallMs += performance.now() - t0;
    stats.bareRunMs += timer.ms - bare0;
    stats.iterations++;
    for (const r of results) {
      stats.calls += r.decoderCalls;
      stats.rows += r.decoderCalls * r.meanDecoderBatch;
    }
  };
}

/** Overhead over bare session.run as a fraction of the bare run time. */
export const overheadOf = (s: DecodeStats): number => (s.wallMs - s.bareRunMs) / s.bareRunMs;

/** One printed line of per-iteration figures. */
export function statsLine(label: string, s: DecodeStats): string {
  const n = s.iterations;
  const callsPerIter = s.calls / n;
  const usPerCall = (ms: number) => ((1000 * ms) / s.calls).toFixed(1);
  return (
    `${label.padEnd(9)} decode ${(s.wallMs / n).toFixed(1).padStart(8)} ms | ${callsPerIter.toFixed(0).padStart(5)} calls, ` +
    `${(s.rows / n).toFixed(0).padStart(5)} rows (batch ${(s.rows / s.calls).toFixed(2)}) | bare run() ${(s.bareRunMs / n).toFixed(1).padStart(8)} ms ` +
    `(${usPerCall(s.bareRunMs).padStart(6)} us/call) | TS overhead ${(100 * overheadOf(s)).toFixed(1).padStart(5)}% ` +
    `(${usPerCall(s.wallMs - s.bareRunMs).padStart(5)} us/call, ${((1000 * (s.wallMs - s.bareRunMs)) / s.rows).toFixed(1)} us/row)` +
    (s.replayUsPerCall === undefined ? '' : ` | replayed without runtime ${s.replayUsPerCall.toFixed(1)} us/call`)
  );
}
