import type { ConfigJob } from '../worker/job.ts';

/**
 * Sharding a sweep across CI jobs. Round robin over the sorted config ids: every machine computes the
 * same slices from the same list, every config lands in exactly one shard, and shard sizes differ by
 * at most one (hashing would leave shards uneven on a sweep of a few dozen configs).
 */

/** A parsed `i/n` shard spec; `index` is 1-based like `--shard 1/4`. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** Parses `i/n` (1 <= i <= n); the error names the flag and shows a valid example. */
export function parseShard(spec: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  if (!m) throw new Error(`--shard "${spec}": expected i/n with whole numbers, e.g. --shard 2/4`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new Error(`--shard "${spec}": shard count must be at least 1, e.g. --shard 1/1`);
  if (index < 1 || index > count) {
    throw new Error(`--shard "${spec}": shard index must be between 1 and ${count} (shards are numbered from 1)`);
  }
  return { index, count };
}

const idOf = (c: { id: string } | string) => (typeof c === 'string' ? c : c.id);

/**
 * The configs of shard `i/n`, in their input order. Ids are ordered by code point (not locale) so
 * every machine agrees. Throws on a malformed spec or duplicate ids (which would run twice).
 */
export function selectShard<T extends { id: string } | string>(configs: readonly T[], spec: string): T[] {
  const { index, count } = parseShard(spec);
  const ids = configs.map(idOf);
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`--shard ${spec}: config id "${id}" appears twice in the sweep; config ids must be unique`);
    seen.add(id);
  }
  const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mine = new Set(sorted.filter((_, k) => k % count === index - 1));
  return configs.filter((c) => mine.has(idOf(c)));
}

/** Configs that differ only in decoder share one encoder output (per batch size): a shard keeps such a group together. */
export function groupKey(job: ConfigJob): string {
  const c = job.config;
  return [c.dataset, c.variant, c.backend, `t${c.threads}`, ...(c.batchSize !== undefined ? [`b${c.batchSize}`] : [])].join('__');
}

/** A unit of sharding (the configs of one {@link groupKey}) and its expected cost. */
export interface ShardGroup {
  readonly key: string;
  /** Expected cost in milliseconds (any unit works as long as every group uses the same). */
  readonly cost: number;
}

/**
 * Splits groups over `count` shards so the expected costs come out even: longest first onto the
 * least loaded shard (LPT; within 4/3 of the best possible makespan). Costs are rounded to whole
 * numbers and ties broken by code-point order of keys and by shard index, so every shard machine
 * given the same groups and costs computes the same partition. Returns the keys of each shard.
 */
export function balanceShards(groups: readonly ShardGroup[], count: number): string[][] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`shard count must be at least 1, got ${count}`);
  const seen = new Set<string>();
  for (const g of groups) {
    if (seen.has(g.key)) throw new Error(`shard group "${g.key}" appears twice; group keys must be unique`);
    if (!Number.isFinite(g.cost) || g.cost < 0) throw new Error(`shard group "${g.key}" has cost ${g.cost}; costs must be finite and >= 0`);
    seen.add(g.key);
  }
  const order = groups
    .map((g) => ({ key: g.key, cost: Math.round(g.cost) }))
    .sort((a, b) => b.cost - a.cost || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const shards = Array.from({ length: count }, () => ({ load: 0, keys: [] as string[] }));
  for (const g of order) {
    let target = shards[0]!;
    for (const s of shards) if (s.load < target.load) target = s;
    target.keys.push(g.key);
    target.load += g.cost;
  }
  return shards.map((s) => s.keys);
}
