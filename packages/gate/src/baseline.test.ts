import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fleursResult, longResult, withRepeats, writeResults } from '../test/sample-results.ts';
import { portablePath, writeBaseline } from './baseline.ts';
import { compareResults } from './compare-results.ts';
import { readResultsStrict } from '@parakeet-bench/results';

const readResults = async (path: string) => (await readResultsStrict(path)).map((f) => f.result);

const temp = () => mkdtemp(join(tmpdir(), 'gate-baseline-'));
const FLEURS = 'fleurs-fr__smoothquant-int8__node-cpu-t4__greedy';

describe('writeBaseline', () => {
  it('keeps hypotheses, drops timestamps/stacks/absolute paths, and the gate passes against it', async () => {
    const root = await temp();
    const current = join(root, 'results', 'latest');
    const failed = { ...longResult(), status: 'failed' as const, error: { message: 'oom', stack: 'Error: oom\n    at /srv/ci/work/x.ts:1:1' } };
    await writeResults(current, [fleursResult(), failed]);
    const baseline = join(root, 'results', 'baseline');
    const summary = await writeBaseline(current, baseline, { root: '/srv/ci/work' });
    expect(summary.written.map((f) => f.slice(baseline.length + 1))).toEqual([`${FLEURS}.json`, 'jfk-long__smoothquant-int8__node-cpu-t4__greedy.json']);
    expect(summary.notOk).toEqual(['jfk-long__smoothquant-int8__node-cpu-t4__greedy']);

    const saved = JSON.parse(await readFile(join(baseline, `${FLEURS}.json`), 'utf8'));
    expect(saved.startedAt).toBe('');
    expect(saved.finishedAt).toBe('');
    expect(saved.model.dir).toBe('parakeet-tdt-0.6b-v3-onnx');
    expect(saved.utterances[0].audio).toBe('fleurs-fr-test-000.ogg');
    expect(saved.utterances[3].hypothesis).toBe(fleursResult().utterances[3]!.hypothesis);
    const savedLong = JSON.parse(await readFile(join(baseline, 'jfk-long__smoothquant-int8__node-cpu-t4__greedy.json'), 'utf8'));
    expect(savedLong.error).toEqual({ message: 'oom' });
    expect(savedLong.longPass.sections[0].audio).toBe('datasets/jfk-390s.wav');

    expect(compareResults(await readResults(baseline), await readResults(current)).counts.fail).toBe(0);
    expect((await writeBaseline(current, baseline, { root: '/srv/ci/work' })).written).toEqual([]);
  });

  it('makes the provenance model directory machine-independent too', async () => {
    const root = await temp();
    const hash = 'a'.repeat(64);
    const provenance = {
      key: 'k', harness: { version: '0.1.0' }, runtime: { name: 'onnxruntime-node', version: '1.30.0' }, normalizer: 'default', repeats: 1,
      model: { dir: '/srv/ci/work/.cache/models/m', files: [{ file: 'vocab.txt', bytes: 1, sha256: hash, role: 'vocab' }] },
      dataset: { spec: { name: 'fleurs-fr', kind: 'folder' }, files: [], audioDigest: hash, audioFiles: 10 },
    };
    await writeResults(join(root, 'latest'), [{ ...fleursResult(), provenance }]);
    await writeBaseline(join(root, 'latest'), join(root, 'baseline'), { root: '/srv/ci/work' });
    const [saved] = await readResults(join(root, 'baseline'));
    expect(saved!.provenance?.model.dir).toBe('.cache/models/m');
    expect(saved!.provenance?.model.files).toEqual(provenance.model.files);
  });

  it('collapses repeats to the one with the median rtfx', async () => {
    const root = await temp();
    const repeats = withRepeats(fleursResult(), [50, 30, 42]);
    for (const [k, r] of repeats.entries()) await writeResults(join(root, 'latest', `run-${k}`), [r]);
    await writeBaseline(join(root, 'latest'), join(root, 'baseline'));
    const saved = await readResults(join(root, 'baseline'));
    expect(saved.map((r) => r.timing!.rtfx)).toEqual([42]);
  });

  it('reports stale baseline configs, deletes them only with prune, and leaves sibling sweeps alone', async () => {
    const root = await temp();
    const baseline = join(root, 'baseline');
    await writeResults(baseline, [fleursResult(), longResult()]);
    await writeResults(join(baseline, 'fixture'), [longResult()]);
    await writeResults(join(root, 'latest'), [fleursResult({ rtfx: 40 })]);
    const kept = await writeBaseline(join(root, 'latest'), baseline);
    expect(kept).toMatchObject({ stale: ['jfk-long__smoothquant-int8__node-cpu-t4__greedy'], pruned: false });
    expect(await readdir(baseline)).toHaveLength(3);
    await writeBaseline(join(root, 'latest'), baseline, { prune: true });
    expect((await readdir(baseline)).sort()).toEqual(['fixture', `${FLEURS}.json`]);
  });

  it('names the bad input: no results, an invalid result', async () => {
    const root = await temp();
    await expect(writeBaseline(join(root, 'nope'), join(root, 'b'))).rejects.toThrow(/nope: no such results file or directory/);
    await writeFile(join(root, 'x.json'), '{"schemaVersion": 1}');
    await expect(writeBaseline(root, join(root, 'b'))).rejects.toThrow(`${join(root, 'x.json')}: invalid result`);
    const empty = await temp();
    await expect(writeBaseline(empty, join(root, 'b'))).rejects.toThrow(/no result files to make a baseline from/);
  });
});

describe('portablePath', () => {
  it('makes paths under the root relative, others their file name, and leaves relative ones', () => {
    expect(portablePath('/repo/datasets/a.wav', '/repo')).toBe('datasets/a.wav');
    expect(portablePath('/srv/cache/model', '/repo')).toBe('model');
    expect(portablePath('datasets/a.wav', '/repo')).toBe('datasets/a.wav');
  });
});
