/**
 * The memory protocol every backend follows, whatever it reads memory from (its own process, or a
 * browser's renderer from outside): runtime baseline, model, load peak, then the peak of each encode
 * and decode phase, all above the runtime baseline. A backend supplies a {@link MemoryProbe}; the
 * sequence and the arithmetic live here only.
 */
import type { MemoryReading } from './memory-schema.ts';

/** The two phases of a clip's inference: nemo128 + encoder, then decoding. */
export type MemoryPhase = 'encode' | 'decode';

/** What a runtime can read of the memory it measures. */
export interface MemoryProbe {
  /** Where the numbers come from (stored in the result). */
  readonly source: string;
  /** Resident set now, in bytes. */
  rssBytes(): Promise<number>;
  /** Highest resident set since the last {@link resetPeak}, in bytes. */
  peakBytes(): Promise<number>;
  /** Starts a new high-water mark at the current resident set. */
  resetPeak(): Promise<void>;
  /**
   * Waits until the resident set stops moving, before the baseline and the model are read (a browser
   * compiles its wasm in the background; what that compilation holds is no model's). Optional.
   */
  settle?(): Promise<void>;
}

/**
 * Measures one config. Call {@link runtimeReady} once the runtime has run a trivial session,
 * {@link modelLoaded} once the model's sessions exist, then wrap each phase of each clip in
 * {@link measure} and {@link note} it (or note a phase figure measured elsewhere, e.g. a tensor cache entry's),
 * and read the result with {@link reading}.
 */
export class MemoryMeter {
  private baseline: number | undefined;
  private model = 0;
  private loadPeak = 0;
  private readonly peaks: Record<MemoryPhase, number | undefined> = { encode: undefined, decode: undefined };

  constructor(private readonly probe: MemoryProbe) {}

  private base(): number {
    if (this.baseline === undefined) throw new Error('MemoryMeter: runtimeReady() must come before the model and its phases are measured');
    return this.baseline;
  }

  /** The runtime is initialised and has run a trivial session: the baseline every figure is above. */
  async runtimeReady(): Promise<void> {
    await this.probe.settle?.();
    this.baseline = await this.probe.rssBytes();
    await this.probe.resetPeak();
  }

  /** The model's sessions exist: what stays resident is the model, the high-water mark the load peak. */
  async modelLoaded(): Promise<void> {
    const base = this.base();
    const loadPeak = await this.probe.peakBytes();
    await this.probe.settle?.();
    const rss = await this.probe.rssBytes();
    this.model = rss - base;
    this.loadPeak = Math.max(loadPeak, rss) - base;
  }

  /**
   * Runs `fn` as one phase of a clip and returns its value with the phase's peak above the baseline.
   * Not yet counted: the caller {@link note}s it, or a figure it trusts more (a cache hit's).
   */
  async measure<T>(fn: () => Promise<T>): Promise<{ value: T; peakBytes: number }> {
    const base = this.base();
    await this.probe.resetPeak();
    const value = await fn();
    return { value, peakBytes: (await this.probe.peakBytes()) - base };
  }

  /** Counts a phase figure (above the runtime baseline) toward the config's peaks. */
  note(phase: MemoryPhase, peakBytes: number): void {
    this.peaks[phase] = Math.max(this.peaks[phase] ?? -Infinity, peakBytes);
  }

  /** The result's memory block. */
  reading(): MemoryReading {
    const base = this.base();
    const encodePeakBytes = this.peaks.encode ?? 0;
    const decodePeakBytes = this.peaks.decode ?? 0;
    const inferencePeakBytes = Math.max(encodePeakBytes, decodePeakBytes);
    return {
      source: this.probe.source,
      peakRssBytes: base + Math.max(this.loadPeak, inferencePeakBytes),
      runtimeBaselineRssBytes: base,
      modelBytes: this.model,
      loadPeakBytes: this.loadPeak,
      encodePeakBytes,
      decodePeakBytes,
      inferencePeakBytes,
    };
  }
}

/** {@link MemoryMeter.measure} when there may be no meter (tools and tests that measure nothing): then only `fn` runs. */
export async function measurePhase<T>(meter: MemoryMeter | undefined, fn: () => Promise<T>): Promise<{ value: T; peakBytes: number | null }> {
  return meter ? meter.measure(fn) : { value: await fn(), peakBytes: null };
}
