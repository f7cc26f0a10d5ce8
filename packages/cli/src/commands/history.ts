/**
 * `bench history`: the nightly's history store (the data branch's checkout): record a night with its
 * gate verdict under the retention rules, and write the shard costs the next night balances on.
 */
import { DEFAULT_RETENTION, recordNight, writeShardCosts } from '@parakeet-bench/results';
import { intList, parseCommandArgs, pickAction } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';

const usage = `usage: bench history record --store <dir> --current <dir> [--gate <gate.json>]
                            [--max-nights ${DEFAULT_RETENTION.maxNights}] [--keep-utterance-nights ${DEFAULT_RETENTION.keepUtteranceNights}]
       bench history costs --store <dir> --out <costs.json>

A history store is a directory of nights (nights/<run id>/: compact result files and night.json with
the gate's verdict); the nightly keeps it on the bench-history branch (README, "History"). An empty
or missing --store starts a new one. Point \`bench dashboard --results\` at it for trend charts.

record  adds the merged run in --current (one run id) as a night, replacing a night of the same run
        id. --gate is the JSON report of \`bench gate --json\`; when the file does not exist (first
        night, no baseline) the night is stored without a verdict and says why. Then retention: each
        config keeps its newest --max-nights nights; nights older than the newest
        --keep-utterance-nights lose their per-utterance texts (scores stay).
costs   writes each config's wall time from the newest night that ran it, for
        \`bench run --shard i/n --shard-costs <costs.json>\` (an empty store gives an empty file).`;

const options = {
  store: { type: 'string' },
  current: { type: 'string' },
  gate: { type: 'string' },
  'max-nights': { type: 'string' },
  'keep-utterance-nights': { type: 'string' },
  out: { type: 'string' },
} as const;
type Values = { [K in keyof typeof options]?: string | undefined };

function required(values: Values, name: keyof Values, action: string): string {
  const v = values[name];
  if (!v) throw new UsageError(`history ${action}: --${name} is required`);
  return v;
}

async function record(values: Values): Promise<number> {
  const maxNights = intList(values['max-nights'], 'max-nights')?.[0];
  const keepUtteranceNights = intList(values['keep-utterance-nights'], 'keep-utterance-nights')?.[0];
  const s = await recordNight({
    store: required(values, 'store', 'record'),
    current: required(values, 'current', 'record'),
    ...(values.gate ? { gateReport: values.gate } : {}),
    ...(maxNights !== undefined ? { maxNights } : {}),
    ...(keepUtteranceNights !== undefined ? { keepUtteranceNights } : {}),
  });
  const verdict = s.night.gate ? `gate ${s.night.gate.verdict}` : `no gate verdict (${s.night.gateNote ?? ''})`;
  console.log(`bench history: ${s.replaced ? 'replaced' : 'recorded'} night ${s.night.runId} (${s.results} results, ${verdict}) in ${s.dir}`);
  const r = s.retention;
  console.log(`bench history: ${r.nights} nights kept; ${r.removedNights.length} nights and ${r.removedResults.length} results past retention deleted; ${r.trimmedNights.length} nights trimmed to scores`);
  return 0;
}

async function costs(values: Values): Promise<number> {
  const out = required(values, 'out', 'costs');
  const c = await writeShardCosts(required(values, 'store', 'costs'), out);
  const n = Object.keys(c.configs).length;
  console.log(c.night ? `bench history: costs of ${n} configs (newest night ${c.night}) -> ${out}` : `bench history: empty history, no costs yet (shards use a prior) -> ${out}`);
  return 0;
}

const actions: Record<string, (values: Values) => Promise<number>> = { record, costs };

/** The `history` subcommand. */
export const historyCommand: Command = {
  summary: 'record a night into the history store, or write shard costs from it',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, options, true);
    const [handler, rest] = pickAction(actions, positionals, 'action');
    if (rest.length > 0) throw new UsageError(`history ${positionals[0]}: unexpected arguments ${rest.join(' ')}`);
    return handler(values);
  },
};
