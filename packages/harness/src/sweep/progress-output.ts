/**
 * Console output of a sweep. Lines (a config's result, "cached", the oracle) always print; progress
 * inside a config (utterance 40/289, oracle section 3/7) is what floods a log, so it is shown live on
 * a terminal (one line per config, rewritten in place) and throttled elsewhere (CI, turbo, a pipe):
 * at most one progress line per config every `intervalMs`, none for a config that ends sooner.
 */

/** Where a sweep writes: `line` always prints, `progress` reports work in progress of one config. */
export interface SweepOutput {
  line(text: string): void;
  /** `label` names the config (or oracle) the message belongs to. */
  progress(label: string, message: string): void;
}

/** Options of {@link progressOutput}. */
export interface ProgressOutputOptions {
  /** Raw text to the stream (no newline added). */
  readonly write: (text: string) => void;
  /** A terminal: progress is one live line rewritten in place. */
  readonly tty: boolean;
  /** Terminal width; live lines are cut to fit so they never wrap. */
  readonly columns?: number;
  /** Without a terminal: the least time between two progress lines of one label (default 5 s). */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

const CLEAR_LINE = '\r\x1b[2K';

/** Live (terminal) or throttled (log) sweep output. */
export function progressOutput(options: ProgressOutputOptions): SweepOutput {
  const interval = options.intervalMs ?? 5000;
  const now = options.now ?? Date.now;
  const lastShown = new Map<string, number>();
  let live = false;
  return {
    line(text) {
      options.write(`${live ? CLEAR_LINE : ''}${text}\n`);
      live = false;
    },
    progress(label, message) {
      const text = `${label}: ${message}`;
      if (options.tty) {
        const width = Math.max(20, (options.columns ?? 100) - 1);
        options.write(`${CLEAR_LINE}${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
        live = true;
        return;
      }
      const t = now();
      const last = lastShown.get(label);
      // The first message of a label starts its clock: a config that finishes within the interval
      // prints only its result line.
      if (last === undefined) lastShown.set(label, t);
      else if (t - last >= interval) {
        lastShown.set(label, t);
        options.write(`${text}\n`);
      }
    },
  };
}

/** Every line and every progress message, unthrottled (tests and callers that keep a log). */
export function logOutput(log: (line: string) => void): SweepOutput {
  return { line: log, progress: (label, message) => log(`${label}: ${message}`) };
}

/** The sweep's output on this process's stdout: live on a terminal, throttled otherwise. */
export function stdoutOutput(): SweepOutput {
  return progressOutput({
    write: (text) => process.stdout.write(text),
    tty: process.stdout.isTTY === true,
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
  });
}
