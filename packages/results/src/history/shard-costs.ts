/**
 * Expected cost of each config for balancing CI shards: the wall time it took on the newest night of
 * the history that ran it. Written once per night (`bench history costs`) and handed to every shard,
 * so all shard machines balance from the same numbers and agree on the partition.
 */
import { readFile } from 'node:fs/promises';
import { writeJsonAtomic } from '@parakeet-bench/node-io';
import { z } from 'zod';
import { parseJsonAs } from './parse-json.ts';
import { readNights } from './store.ts';

/** The costs file `bench run --shard-costs` reads. */
export const shardCostsSchema = z.strictObject({
  shardCostsVersion: z.literal(1),
  /** The newest night the costs come from, or null for an empty history. */
  night: z.string().nullable(),
  /** Wall milliseconds per config id (worker start to result written), from the newest night that ran it. */
  configs: z.record(z.string(), z.number().nonnegative()),
});
/** See {@link shardCostsSchema}. */
export type ShardCosts = z.infer<typeof shardCostsSchema>;

/** Wall time of a result in ms, or undefined when its timestamps are missing (sanitised) or odd. */
function wallMs(startedAt: string, finishedAt: string): number | undefined {
  const ms = Date.parse(finishedAt) - Date.parse(startedAt);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/** Costs from every night of `store` (newest night per config wins); an empty or missing store gives none. */
export async function collectShardCosts(store: string): Promise<ShardCosts> {
  const nights = await readNights(store);
  const configs: Record<string, number> = {};
  for (const n of nights) {
    for (const { result } of n.results) {
      const ms = wallMs(result.startedAt, result.finishedAt);
      if (ms !== undefined) configs[result.config.id] = ms;
    }
  }
  return { shardCostsVersion: 1, night: nights.at(-1)?.night.runId ?? null, configs };
}

/** Writes {@link collectShardCosts} of `store` to `out`. */
export async function writeShardCosts(store: string, out: string): Promise<ShardCosts> {
  const costs = await collectShardCosts(store);
  await writeJsonAtomic(out, costs);
  return costs;
}

/** Reads a costs file; throws naming the file and the command that writes one. */
export async function readShardCosts(path: string): Promise<ShardCosts> {
  const fix = `write it with \`bench history costs --store <history> --out ${path}\``;
  const text = await readFile(path, 'utf8').catch((e: Error) => {
    throw new Error(`${path}: unreadable shard costs (${e.message}); ${fix}`);
  });
  return parseJsonAs(text, path, shardCostsSchema, 'a shard costs file', fix);
}
