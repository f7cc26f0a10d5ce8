/** Number and label formatting shared by every reporter, so units read the same everywhere. */
import type { BenchResult, DecoderConfig, RateInterval, TimestampAgreement } from '@parakeet-bench/core';
import { batchLabel, threadsLabel } from '@parakeet-bench/core';

const MIB = 1024 * 1024;

/** A rate (0.1017) as a percentage with two decimals: `10.17 %`. */
export function formatPercent(rate: number | undefined): string {
  return rate === undefined ? '–' : `${(rate * 100).toFixed(2)} %`;
}

/** A rate with its 95% interval when the result has one: `10.17 % [9.80, 10.55]`. */
export function formatPercentCi(rate: number | undefined, ci: RateInterval | undefined): string {
  if (rate === undefined || ci === undefined) return formatPercent(rate);
  return `${formatPercent(rate)} [${(100 * ci.low).toFixed(2)}, ${(100 * ci.high).toFixed(2)}]`;
}

/** Real-time factor (audio seconds per processing second): `12.3×`. */
export function formatRtfx(rtfx: number | undefined): string {
  if (rtfx === undefined) return '–';
  return `${rtfx >= 100 ? rtfx.toFixed(0) : rtfx.toFixed(1)}×`;
}

/** Bytes as whole mebibytes with thousands separators: `5,012 MiB`. */
export function formatMiB(bytes: number | undefined): string {
  return bytes === undefined ? '–' : `${Math.round(bytes / MIB).toLocaleString('en-US')} MiB`;
}

/** Bytes to MiB as a number (for chart axes). */
export function toMiB(bytes: number): number {
  return bytes / MIB;
}

/** Seconds as `m:ss`, used for section boundaries. */
export function formatClock(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** `greedy` or `maes beam 10`. */
export function decoderLabel(decoder: DecoderConfig): string {
  return decoder.kind === 'maes' ? `maes beam ${decoder.beamWidth}` : 'greedy';
}

/** `single pass`, or `chunked 60 s / 10 s overlap`. */
export function strategyLabel(c: BenchResult['config']): string {
  const s = c.longStrategy;
  return s ? `chunked ${s.windowSec} s / ${s.overlapSec} s overlap` : 'single pass';
}

/**
 * One line naming a config without its dataset: `int8-stock · node-cpu · 4 threads · greedy`, with
 * ` · chunked 60 s / 10 s overlap` when a long dataset ran chunked.
 */
export function configLabel(result: BenchResult): string {
  const c = result.config;
  const label = `${c.variant} · ${c.backend} · ${threadsLabel(c.threads)}${c.loader ? ` · ${c.loader}` : ''} · ${decoderLabel(c.decoder)}`;
  return (c.longStrategy ? `${label} · ${strategyLabel(c)}` : label) + batchLabel(c);
}

/** Median and p95 word-start difference as `12 / 80 ms`, or `–`. */
export function formatStartDiffs(a: TimestampAgreement | undefined): string {
  return a ? `${Math.round(a.medianStartDiffMs)} / ${Math.round(a.p95StartDiffMs)} ms` : '–';
}

/** Worst long-pass section as `38.10 % @ 3:00–4:00`, or `–` for corpus datasets. */
export function worstSectionLabel(result: BenchResult): string {
  const lp = result.longPass;
  if (!lp) return '–';
  const section = lp.sections.find((s) => s.index === lp.worstSectionIndex);
  const where = section ? ` @ ${formatClock(section.startSec)}–${formatClock(section.endSec)}` : '';
  return `${formatPercent(lp.worstSectionWer)}${where}`;
}
