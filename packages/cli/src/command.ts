/** One `bench` subcommand: parses its own arguments and calls one library function. */
export interface Command {
  /** One line shown by `bench help`. */
  readonly summary: string;
  /** Usage text shown by `bench <name> --help` and on argument errors. */
  readonly usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** Thrown for bad command-line arguments: printed with the usage, exit code 2. */
export class UsageError extends Error {}
