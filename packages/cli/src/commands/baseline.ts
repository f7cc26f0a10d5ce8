/**
 * `bench baseline update`: copies a run's results into the committed baseline directory.
 */
import { join, resolve } from 'node:path';
import { writeBaseline } from '@parakeet-bench/gate';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { repoRoot } from '../paths.ts';

const usage = `usage: bench baseline update [--from results/latest] [--to results/baseline] [--prune]

(defaults are under the repo root; results/baseline/<sweep> keeps several sweeps apart)

Writes one <config-id>.json per config into the baseline directory (commit it afterwards).
Hypotheses are kept for exact comparison; timestamps, stack traces and absolute paths are dropped.
Several repeats of a config collapse to the one with the median rtfx.
--prune deletes baseline files of configs absent from --from (default: keep them and list them).`;

/** The `baseline` subcommand. */
export const baselineCommand: Command = {
  summary: 'refresh the committed baseline from a results directory',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      from: { type: 'string' },
      to: { type: 'string' },
      prune: { type: 'boolean', default: false },
    }, true);
    if (positionals.length !== 1 || positionals[0] !== 'update') {
      throw new UsageError(`expected the action "update", got ${positionals.length ? `"${positionals.join(' ')}"` : 'none'}`);
    }
    const root = repoRoot();
    // Defaults follow `bench run`, which writes under the repo root whatever the working directory.
    const from = resolve(values.from ?? join(root, 'results', 'latest'));
    const to = resolve(values.to ?? join(root, 'results', 'baseline'));
    const s = await writeBaseline(from, to, { prune: values.prune ?? false, root });
    console.log(`bench baseline: ${s.written.length} written, ${s.unchanged.length} unchanged in ${to}`);
    if (s.notOk.length) console.warn(`bench baseline: not ok in the new baseline (the gate will report them): ${s.notOk.join(', ')}`);
    if (s.stale.length) {
      console.warn(`bench baseline: ${s.pruned ? 'deleted' : 'kept (use --prune to delete)'} configs absent from ${from}: ${s.stale.join(', ')}`);
    }
    return 0;
  },
};
