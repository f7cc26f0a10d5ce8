/**
 * Shows download progress: one updating line with a bar on a terminal; on a pipe or CI log (no
 * TTY, where carriage returns make unreadable logs) a plain line when a file starts, every
 * `intervalMs`, and when it finishes.
 */
import type { ProgressEvent, ProgressListener } from './progress.ts';

/** Where the renderer writes; `process.stderr` fits. */
export interface ProgressSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Options of {@link createProgressRenderer}. */
export interface ProgressRendererOptions {
  /** Output; default `process.stderr`. */
  readonly sink?: ProgressSink;
  /** Force TTY / plain mode; default `sink.isTTY`. */
  readonly tty?: boolean;
  /** Plain mode: minimum time between lines for one file (default 10 s). */
  readonly intervalMs?: number;
  /** TTY mode: minimum time between redraws (default 100 ms). */
  readonly redrawMs?: number;
  /** Clock, injectable for tests. */
  readonly now?: () => number;
}

/** A progress listener plus a way to end the current line. */
export interface ProgressRenderer {
  readonly listener: ProgressListener;
  /** Terminates a half-drawn TTY line (call after an error). */
  finish(): void;
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** `1234567` -> `1.2 MB` (decimal units, as the hub shows sizes). */
export function formatBytes(bytes: number): string {
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < UNITS.length - 1) {
    v /= 1000;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${UNITS[u]}`;
}

interface FileState {
  readonly startMs: number;
  readonly startBytes: number;
  lastDrawMs: number;
}

function describe(e: ProgressEvent, state: FileState, nowMs: number, barWidth: number): string {
  const secs = (nowMs - state.startMs) / 1000;
  const rate = secs > 0.5 ? ` ${formatBytes((e.bytesDone - state.startBytes) / secs)}/s` : '';
  if (e.bytesTotal === undefined || e.bytesTotal === 0) return `${e.file} ${formatBytes(e.bytesDone)}${rate}`;
  const frac = Math.min(1, e.bytesDone / e.bytesTotal);
  const pct = `${(frac * 100).toFixed(1)}%`;
  const sizes = `${formatBytes(e.bytesDone)}/${formatBytes(e.bytesTotal)}`;
  if (barWidth <= 0) return `${e.file} ${pct} (${sizes})${rate}`;
  const filled = Math.round(frac * barWidth);
  return `${e.file} [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${pct} ${sizes}${rate}`;
}

/** Creates a renderer; pass `renderer.listener` as `onProgress`. */
export function createProgressRenderer(opts: ProgressRendererOptions = {}): ProgressRenderer {
  const sink = opts.sink ?? process.stderr;
  const tty = opts.tty ?? sink.isTTY === true;
  const now = opts.now ?? Date.now;
  const intervalMs = opts.intervalMs ?? 10_000;
  const redrawMs = opts.redrawMs ?? 100;
  const files = new Map<string, FileState>();
  let lineOpen = false;

  const listener: ProgressListener = (e) => {
    const t = now();
    let state = files.get(e.file);
    const first = state === undefined;
    if (!state) {
      state = { startMs: t, startBytes: e.bytesDone, lastDrawMs: t };
      files.set(e.file, state);
    }
    if (tty) {
      if (!first && !e.finished && t - state.lastDrawMs < redrawMs) return;
      state.lastDrawMs = t;
      const width = Math.max(0, Math.min(30, (sink.columns ?? 80) - e.file.length - 40));
      sink.write(`\r\x1b[2K${describe(e, state, t, width)}${e.finished ? '\n' : ''}`);
      lineOpen = !e.finished;
    } else if (first || e.finished || t - state.lastDrawMs >= intervalMs) {
      state.lastDrawMs = t;
      sink.write(`${e.finished ? `${e.file}: done, ${formatBytes(e.bytesDone)}` : describe(e, state, t, 0)}\n`);
    }
    if (e.finished) files.delete(e.file);
  };

  return {
    listener,
    finish() {
      if (lineOpen) sink.write('\n');
      lineOpen = false;
    },
  };
}
