import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fleursResult, longResult, writeResults } from '../test/sample-results.ts';
import { mergeResults } from './merge.ts';
import { readResultsStrict } from '@parakeet-bench/results';

const readResults = async (path: string) => (await readResultsStrict(path)).map((f) => f.result);

const temp = () => mkdtemp(join(tmpdir(), 'gate-merge-'));
const fp16 = () => fleursResult({ id: 'fleurs-fr__fp16__node-cpu-t4__greedy', encoderPrecision: 'fp16' });

describe('mergeResults', () => {
  it('joins shard directories into one flat directory, keeping identical duplicates once', async () => {
    const root = await temp();
    await writeResults(join(root, 'shard-1'), [fleursResult()]);
    await writeResults(join(root, 'shard-2'), [longResult(), fp16()]);
    // A shard re-uploaded with the same content is harmless.
    await writeResults(join(root, 'shard-3'), [longResult()]);
    const out = join(root, 'merged');
    const summary = await mergeResults([join(root, 'shard-1'), join(root, 'shard-2'), join(root, 'shard-3')], out);
    expect(summary.configIds).toEqual([fp16().config.id, 'fleurs-fr__smoothquant-int8__node-cpu-t4__greedy', 'jfk-long__smoothquant-int8__node-cpu-t4__greedy']);
    expect((await readdir(out)).sort()).toEqual(summary.configIds.map((id) => `${id}.json`));
    expect(await readResults(out)).toHaveLength(3);
    const again = await mergeResults([join(root, 'shard-1')], out);
    expect(again.written).toEqual([]);
  });

  it('refuses the same config id with different content, naming both files, and writes nothing', async () => {
    const root = await temp();
    const [a] = await writeResults(join(root, 'shard-1'), [fleursResult()]);
    const [b] = await writeResults(join(root, 'shard-2'), [fleursResult({ rtfx: 40 })]);
    await writeResults(join(root, 'shard-2'), [longResult()]);
    const out = join(root, 'merged');
    await expect(mergeResults([join(root, 'shard-1'), join(root, 'shard-2')], out)).rejects.toThrow(
      `merge: config "fleurs-fr__smoothquant-int8__node-cpu-t4__greedy" has different results in ${a} and ${b}; a config must run in one shard only`,
    );
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });

  it('refuses to overwrite a different result already in the output directory', async () => {
    const root = await temp();
    const out = join(root, 'merged');
    await writeResults(out, [fleursResult({ rtfx: 40 })]);
    await writeResults(join(root, 'shard-1'), [fleursResult()]);
    await expect(mergeResults([join(root, 'shard-1')], out)).rejects.toThrow(/has different results in/);
    expect(JSON.parse(await readFile(join(out, 'fleurs-fr__smoothquant-int8__node-cpu-t4__greedy.json'), 'utf8')).timing.rtfx).toBe(40);
  });

  it('names bad inputs: not a directory, no results, an invalid file, an unsafe id', async () => {
    const root = await temp();
    await expect(mergeResults([], join(root, 'o'))).rejects.toThrow(/no input directories/);
    await expect(mergeResults([join(root, 'missing')], join(root, 'o'))).rejects.toThrow(`${join(root, 'missing')}: not a directory`);
    await writeFile(join(root, 'notes.json'), '{}');
    await expect(mergeResults([root], join(root, 'o'))).rejects.toThrow(/no result files in .*did the shards run/);
    const bad = join(root, 'bad');
    await writeResults(bad, [{ ...fleursResult(), config: { ...fleursResult().config, id: 'x' } }]);
    await writeFile(join(bad, 'x.json'), '{"schemaVersion":1}');
    await expect(mergeResults([bad], join(root, 'o'))).rejects.toThrow(`${join(bad, 'x.json')}: invalid result`);
    const unsafe = join(root, 'unsafe');
    await writeResults(unsafe, [fleursResult()]);
    const file = join(unsafe, 'fleurs-fr__smoothquant-int8__node-cpu-t4__greedy.json');
    const raw = JSON.parse(await readFile(file, 'utf8'));
    raw.config.id = '../escape';
    await writeFile(file, JSON.stringify(raw));
    await expect(mergeResults([unsafe], join(root, 'o'))).rejects.toThrow('config id "../escape" is not a safe file name');
  });
});
