import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fleursResult, longResult, writeResults } from '@parakeet-bench/gate/testing';
import { main } from '../cli.ts';
import { historyCommand } from './history.ts';

let logs: string[] = [];
beforeEach(() => {
  logs = [];
  vi.spyOn(console, 'log').mockImplementation((m: unknown) => void logs.push(String(m)));
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('bench history', () => {
  it('records nights with their gate verdict and writes the shard costs from them', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cli-history-'));
    const store = join(root, 'store');
    const current = join(root, 'latest');
    await writeResults(current, [{ ...fleursResult(), runId: 'nightly-1' }, { ...longResult(), runId: 'nightly-1' }]);
    const gate = join(root, 'gate.json');
    await writeFile(gate, JSON.stringify({ gateReportVersion: 1, verdict: 'fail', counts: { pass: 1, warn: 0, fail: 1 }, configs: [{ id: longResult().config.id, verdict: 'fail' }], rows: [] }));
    expect(await historyCommand.run(['record', '--store', store, '--current', current, '--gate', gate, '--max-nights', '30'])).toBe(0);
    expect(logs[0]).toBe(`bench history: recorded night nightly-1 (2 results, gate fail) in ${join(store, 'nights', 'nightly-1')}`);
    expect(logs[1]).toBe('bench history: 1 nights kept; 0 nights and 0 results past retention deleted; 0 nights trimmed to scores');
    const out = join(root, 'costs.json');
    expect(await historyCommand.run(['costs', '--store', store, '--out', out])).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({ shardCostsVersion: 1, night: 'nightly-1' });
    expect(await historyCommand.run(['costs', '--store', join(root, 'none'), '--out', join(root, 'empty.json')])).toBe(0);
    expect(logs.at(-1)).toMatch(/empty history, no costs yet/);
  });

  it('exits 2 with the usage on bad arguments, 1 naming the file on bad input', async () => {
    expect(await main(['history'])).toBe(2);
    expect(await main(['history', 'prune'])).toBe(2);
    expect(await main(['history', 'record', '--store', 's'])).toBe(2);
    expect(await main(['history', 'record', '--store', 's', '--current', 'c', '--max-nights', 'x'])).toBe(2);
    expect(await main(['history', 'costs', '--store', 's'])).toBe(2);
    await expect(historyCommand.run(['record', '--store', 's', '--current', '/nonexistent/latest'])).rejects.toThrow(/\/nonexistent\/latest: no such results file or directory/);
  });
});
