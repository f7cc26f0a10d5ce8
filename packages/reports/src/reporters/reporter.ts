/** The reporter contract: each format turns loaded results into files, one file per format module. */
import type { BenchResult } from '@parakeet-bench/core';
import type { InvalidResult, Night, Run } from '@parakeet-bench/results';

/** What every reporter gets: the newest run, all runs oldest first, and files that failed to load. */
export interface ReportInput {
  readonly latest: Run;
  readonly runs: readonly Run[];
  readonly invalid: readonly InvalidResult[];
  /** Decisions the reader made about the inputs (an older run left out), for the user. */
  readonly notices: readonly string[];
  /** Reference variant of the paired comparisons (`--compare-to`); default: each result's `compareTo`. */
  readonly compareTo?: string;
  /** Normaliser every result was rescored with in memory for this report (`--normalizer`). */
  readonly rescoredWith?: string;
  /** night.json of the runs that have one (a history store's nights), by run directory. */
  readonly nights?: ReadonlyMap<string, Night>;
  /** The current baseline's results (`--baseline`), marked on the trend charts. */
  readonly baseline?: readonly BenchResult[];
}

/** One output file, named relative to the output directory. */
export interface ReportFile {
  readonly name: string;
  readonly data: string | Uint8Array;
}

/** Renders one report format in memory (writing is separate, so tests can inspect the output). */
export interface Reporter {
  /** One line for `bench report --help`. */
  readonly summary: string;
  render(input: ReportInput): Promise<ReportFile[]>;
}
