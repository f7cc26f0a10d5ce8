import { describe, expect, it } from 'vitest';
import { MAES_DEFAULTS } from '@parakeet-bench/core';
import { planJobs } from './plan.ts';
import { balanceShards, groupKey } from './shard.ts';
import { expectedCosts, priorCost, selectBalancedShard } from './shard-cost.ts';
import { parseSweepSpec } from './sweep-spec.ts';

const variant = (id: string) => ({ id, dir: '/models', encoderFile: `${id}.onnx`, decoderFile: 'd.onnx', encoderPrecision: id, decoderPrecision: 'fp32' });
/** The nightly's shape: 5 variants x node-cpu/web-wasm at 1 and 4 threads x greedy/MAES 4/MAES 10 x 2 datasets. */
const spec = parseSweepSpec({
  oracleVariant: 'fp32',
  variants: ['fp32', 'fp16', 'int8-stock', 'int8-smoothquant', 'fp32-sharded'].map(variant),
  backends: [{ backend: 'node-cpu', threads: [1, 4] }, { backend: 'web-wasm', threads: [1, 4] }],
  decoders: [{ kind: 'greedy' }, { kind: 'maes', beamWidth: 4, ...MAES_DEFAULTS }, { kind: 'maes', beamWidth: 10, ...MAES_DEFAULTS }],
  datasets: [{ name: 'fleurs', kind: 'manifest', manifest: '/data/m.jsonl' }, { name: 'jfk', kind: 'long', audio: '/data/jfk.wav' }],
}, 'test');
const jobs = planJobs(spec, { resultsDir: '/results' });

/** Measured wall ms: browsers 4x node, 1 thread 3x, the long pass a tenth of the corpus. */
const measured = Object.fromEntries(jobs.map((j) => {
  const c = j.config;
  const ms = 60_000 * (c.backend === 'web-wasm' ? 4 : 1) * (c.threads === 1 ? 3 : 1) * (c.dataset === 'jfk' ? 0.1 : 1) * (c.decoder.kind === 'maes' ? 0.5 : 1);
  return [c.id, Math.round(ms + c.id.length)];
}));

const shardsOf = (m: Record<string, number>, n: number, input = jobs) =>
  Array.from({ length: n }, (_, i) => selectBalancedShard(input, `${i + 1}/${n}`, m, 'night n1'));

describe('balanced shards', () => {
  it('puts every config in exactly one shard and keeps each encoder group together', () => {
    const shards = shardsOf(measured, 4);
    expect(shards.flatMap((s) => s.jobs.map((j) => j.config.id)).sort()).toEqual(jobs.map((j) => j.config.id).sort());
    const shardOfGroup = new Map<string, number>();
    for (const [i, s] of shards.entries()) {
      for (const j of s.jobs) {
        expect(shardOfGroup.get(groupKey(j)) ?? i, groupKey(j)).toBe(i);
        shardOfGroup.set(groupKey(j), i);
      }
    }
    expect(new Set(shardOfGroup.values()).size).toBe(4);
  });

  it('evens out the measured cost (round robin would not), within the LPT bound', () => {
    const load = (s: { jobs: typeof jobs }) => s.jobs.reduce((a, j) => a + measured[j.config.id]!, 0);
    const loads = shardsOf(measured, 4).map(load);
    const total = loads.reduce((a, b) => a + b, 0);
    expect(Math.max(...loads) / (total / 4)).toBeLessThan(1.05);
    // Round robin over sorted group keys, as shards were picked before.
    const keys = [...new Set(jobs.map(groupKey))].sort();
    const rr = Array.from({ length: 4 }, (_, i) => jobs.filter((j) => keys.indexOf(groupKey(j)) % 4 === i)).map((js) => load({ jobs: js }));
    expect(Math.max(...rr)).toBeGreaterThan(Math.max(...loads));
  });

  it('is deterministic: the same inputs in any order give the same partition', () => {
    const ids = (n: number, input: typeof jobs) => shardsOf(measured, n, input).map((s) => s.jobs.map((j) => j.config.id).sort());
    const reversed = [...jobs].reverse();
    const shuffled = [...jobs].sort((a, b) => (a.config.id.length % 7) - (b.config.id.length % 7) || (a.config.id < b.config.id ? 1 : -1));
    for (const n of [1, 3, 4, 8]) {
      expect(ids(n, reversed)).toEqual(ids(n, jobs));
      expect(ids(n, shuffled)).toEqual(ids(n, jobs));
    }
  });

  it('falls back to a prior on the first night, and scales it to measured costs for new configs', () => {
    const first = shardsOf({}, 4);
    expect(first[0]!.note).toMatch(/^shard 1\/4: \d+ of 40 groups, \d+ configs, expected \d+ min of \d+ min; costs no measured timings yet/);
    expect(first.every((s) => s.jobs.length > 0)).toBe(true);
    const wasm = jobs.find((j) => j.config.backend === 'web-wasm' && j.config.threads === 1 && j.config.decoder.kind === 'greedy')!.config;
    const node = jobs.find((j) => j.config.backend === 'node-cpu' && j.config.threads === 4 && j.config.decoder.kind === 'greedy')!.config;
    expect(priorCost(wasm) / priorCost(node)).toBe(6);
    const costs = expectedCosts([wasm, node], { [node.id]: 10_000 });
    expect(costs.get(node.id)).toEqual({ ms: 10_000, measured: true });
    expect(costs.get(wasm.id)).toEqual({ ms: 60_000, measured: false });
    expect(shardsOf({ [node.id]: 10_000 }, 2)[1]!.note).toMatch(/costs measured for 1 of 120 configs \(night n1\)$/);
  });

  it('refuses bad groups and counts', () => {
    expect(() => balanceShards([{ key: 'a', cost: 1 }, { key: 'a', cost: 2 }], 2)).toThrow('shard group "a" appears twice');
    expect(() => balanceShards([{ key: 'a', cost: -1 }], 2)).toThrow('shard group "a" has cost -1');
    expect(() => balanceShards([], 0)).toThrow('shard count must be at least 1');
    expect(balanceShards([{ key: 'b', cost: 5 }, { key: 'a', cost: 5 }, { key: 'c', cost: 9 }], 2)).toEqual([['c'], ['a', 'b']]);
  });
});
