/**
 * Expected cost of each config, for balancing CI shards. Measured wall times from the newest night of
 * the history (`bench history costs`) are used as they are; a config without one (the first night, a
 * new config) gets a rough prior from its backend, threads and decoder, scaled to the measured ones
 * by their median ratio so both kinds of number share a unit.
 */
import type { BenchConfig } from '@parakeet-bench/core';
import type { ConfigJob } from '../worker/job.ts';
import type { ShardGroup } from './shard.ts';
import { balanceShards, groupKey, parseShard } from './shard.ts';

/** Relative cost of a backend per config; browsers pay a launch and slower kernels. */
const BACKEND_WEIGHT: Readonly<Record<BenchConfig['backend'], number>> = { 'node-cpu': 1, 'web-wasm': 3, 'web-webgpu': 2, 'web-hybrid': 2 };

/** Nominal milliseconds of one prior unit when nothing has been measured yet. */
const PRIOR_UNIT_MS = 60_000;

/** A rough relative cost of a config before any night measured it. */
export function priorCost(c: BenchConfig): number {
  const threads = c.threads === 1 ? 2 : 1;
  const decoder = c.decoder.kind === 'maes' ? 1 + c.decoder.beamWidth / 10 : 1;
  return BACKEND_WEIGHT[c.backend] * threads * decoder;
}

function median(values: number[]): number | undefined {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return undefined;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Expected milliseconds per config id: measured when known, else the scaled prior. */
export function expectedCosts(configs: readonly BenchConfig[], measured: Readonly<Record<string, number>>): Map<string, { ms: number; measured: boolean }> {
  const ratios = configs.filter((c) => measured[c.id] !== undefined).map((c) => measured[c.id]! / priorCost(c));
  const scale = median(ratios) ?? PRIOR_UNIT_MS;
  return new Map(configs.map((c) => {
    const m = measured[c.id];
    return [c.id, m !== undefined ? { ms: m, measured: true } : { ms: Math.round(priorCost(c) * scale), measured: false }];
  }));
}

/** The jobs of shard `spec` and a line describing the partition. */
export interface BalancedShard {
  readonly jobs: ConfigJob[];
  readonly note: string;
}

/** A duration for the plan line: seconds below two minutes (the fixture), else minutes. */
const duration = (ms: number): string => (ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`);

/**
 * Shard `spec` (`i/n`) of `jobs`: groups of configs sharing an encoder output stay together and
 * groups are balanced by expected cost ({@link balanceShards}). Deterministic in its inputs.
 */
export function selectBalancedShard(jobs: readonly ConfigJob[], spec: string, measured: Readonly<Record<string, number>>, source: string): BalancedShard {
  const { index, count } = parseShard(spec);
  const costs = expectedCosts(jobs.map((j) => j.config), measured);
  const byGroup = new Map<string, number>();
  for (const j of jobs) byGroup.set(groupKey(j), (byGroup.get(groupKey(j)) ?? 0) + costs.get(j.config.id)!.ms);
  const groups: ShardGroup[] = [...byGroup].map(([key, cost]) => ({ key, cost }));
  const mine = new Set(balanceShards(groups, count)[index - 1]);
  const selected = jobs.filter((j) => mine.has(groupKey(j)));
  const total = [...byGroup.values()].reduce((a, b) => a + b, 0);
  const own = [...mine].reduce((a, k) => a + byGroup.get(k)!, 0);
  const known = [...costs.values()].filter((c) => c.measured).length;
  const basis = known > 0 ? `measured for ${known} of ${jobs.length} configs (${source})` : 'no measured timings yet: rough prior by backend, threads and decoder';
  return {
    jobs: selected,
    note: `shard ${index}/${count}: ${mine.size} of ${byGroup.size} groups, ${selected.length} configs, expected ${duration(own)} of ${duration(total)}; costs ${basis}`,
  };
}
