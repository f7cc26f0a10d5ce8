/**
 * A failure tagged with the phase of a config it happened in (audio, plan, oracle, load, encode,
 * decode, score, launch, ...), so a failed result says where it broke, not only what.
 */

/** An error of one phase; keeps the cause's message and stack. */
export class PhaseError extends Error {
  constructor(
    readonly phase: string,
    cause: unknown,
  ) {
    super((cause as Error)?.message ?? String(cause));
    this.stack = (cause as Error)?.stack ?? this.stack;
  }
}

/** Runs `fn`, tagging any error with `name` unless it already carries a phase. */
export async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw e instanceof PhaseError ? e : new PhaseError(name, e);
  }
}

/** The phase an error carries, or `fallback`. */
export function phaseOf(e: unknown, fallback: string): string {
  return e instanceof PhaseError ? e.phase : fallback;
}
