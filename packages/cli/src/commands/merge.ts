/**
 * `bench merge`: joins shard result directories into one.
 */
import { mergeResults } from '@parakeet-bench/gate';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';

const usage = `usage: bench merge <dir...> --out <dir>

Copies every result of the shard directories into --out as <config-id>.json. The same config with
different content in two inputs (or already in --out) is refused and nothing is written.`;

/** The `merge` subcommand. */
export const mergeCommand: Command = {
  summary: 'join shard result directories into one',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' } }, true);
    if (!values.out) throw new UsageError('--out <dir> is required');
    if (positionals.length === 0) throw new UsageError('give at least one shard result directory');
    const s = await mergeResults(positionals, values.out);
    console.log(`bench merge: ${s.configIds.length} configs in ${s.outDir} (${s.written.length} written)`);
    // Oracle transcripts (oracle/<dataset>.json) are expected here; list them so nothing vanishes unseen.
    if (s.skipped.length) console.log(`bench merge: not copied (not result files): ${s.skipped.join(', ')}`);
    return 0;
  },
};
