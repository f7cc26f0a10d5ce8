import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sample, writeSamples } from '../../test/sample.ts';
import { recordNight } from './record-night.ts';
import { collectShardCosts, readShardCosts, writeShardCosts } from './shard-costs.ts';

const temp = () => mkdtemp(join(tmpdir(), 'results-costs-'));

async function record(root: string, store: string, runId: string, walls: Record<string, number>, day: number): Promise<void> {
  const dir = join(root, runId);
  const finishedAt = `2026-11-0${day}T02:00:00.000Z`;
  await writeSamples(dir, Object.entries(walls).map(([d, ms]) => ({ ...sample(d), runId, startedAt: new Date(Date.parse(finishedAt) - ms).toISOString(), finishedAt })));
  await recordNight({ store, current: dir });
}

describe('shard costs', () => {
  it('takes each config\'s wall time from the newest night that ran it', async () => {
    const root = await temp();
    const store = join(root, 'store');
    expect(await collectShardCosts(store)).toEqual({ shardCostsVersion: 1, night: null, configs: {} });
    await record(root, store, 'n1', { a: 1000, b: 5000 }, 1);
    await record(root, store, 'n2', { a: 2000 }, 2);
    const out = join(root, 'costs.json');
    expect(await writeShardCosts(store, out)).toEqual({ shardCostsVersion: 1, night: 'n2', configs: { 'a__fp32__node-cpu-t1__greedy': 2000, 'b__fp32__node-cpu-t1__greedy': 5000 } });
    expect((await readShardCosts(out)).configs['b__fp32__node-cpu-t1__greedy']).toBe(5000);
  });

  it('refuses a file that is not a costs file, naming it and the command that writes one', async () => {
    const root = await temp();
    await writeFile(join(root, 'c.json'), JSON.stringify({ shardCostsVersion: 1, night: null, configs: { a: -1 } }));
    await expect(readShardCosts(join(root, 'c.json'))).rejects.toThrow(/c\.json: not a shard costs file: .*configs.*write it with `bench history costs --store <history>/s);
    await expect(readShardCosts(join(root, 'none.json'))).rejects.toThrow(/none\.json: unreadable shard costs .*bench history costs --store <history>/);
  });
});
