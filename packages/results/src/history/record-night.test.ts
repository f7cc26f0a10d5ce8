import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchResult } from '@parakeet-bench/core';
import { sample, writeSamples } from '../../test/sample.ts';
import { readNightFile } from './night-file.ts';
import { recordNight } from './record-night.ts';
import { readNights } from './store.ts';

const temp = () => mkdtemp(join(tmpdir(), 'results-history-'));
const utterance = { id: 'u1', audio: 'a.wav', durationSec: 1, reference: 'le chat', hypothesis: 'le chien', wer: 0.5, cer: 0.2, words: { hits: 1, substitutions: 1, deletions: 0, insertions: 0, referenceLength: 2 }, chars: { hits: 6, substitutions: 1, deletions: 0, insertions: 0, referenceLength: 7 } };

/** A night's results: `datasets` ok results of run `runId`, finished on `day` (1-28 of 2026-11). */
function night(runId: string, day: number, datasets = ['a', 'b']): BenchResult[] {
  const at = `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`;
  return datasets.map((d) => ({ ...sample(d, { finishedAt: at, runLabel: `nightly-${runId}` }), runId, utterances: [utterance], error: { message: 'kept', stack: 'at x (y.ts:1)' } }));
}

async function writeNight(root: string, runId: string, day: number, datasets?: string[]): Promise<string> {
  const dir = join(root, 'runs', runId);
  await writeSamples(dir, night(runId, day, datasets));
  return dir;
}

const gateReport = { gateReportVersion: 1, verdict: 'warn', counts: { pass: 3, warn: 1, fail: 0 }, configs: [{ id: 'a__fp32__node-cpu-t1__greedy', verdict: 'warn' }, { id: 'b__fp32__node-cpu-t1__greedy', verdict: 'pass' }], rows: [], inputs: { baseline: 'results/baseline/nightly', current: 'results/latest', rules: 'gate.json' } };

describe('recordNight', () => {
  it('stores compact results and night.json with the gate verdict, and replaces a night recorded again', async () => {
    const root = await temp();
    const store = join(root, 'store');
    const gate = join(root, 'gate.json');
    await writeFile(gate, JSON.stringify(gateReport));
    const current = await writeNight(root, 'n1', 1);
    const first = await recordNight({ store, current, gateReport: gate, now: new Date('2026-11-01T03:00:00Z') });
    expect(first).toMatchObject({ results: 2, replaced: false, dir: join(store, 'nights', 'n1') });
    expect(first.night).toEqual({
      nightVersion: 1, runId: 'n1', label: 'nightly-n1', finishedAt: '2026-11-01T02:00:00.000Z', recordedAt: '2026-11-01T03:00:00.000Z',
      gate: { verdict: 'warn', counts: { pass: 3, warn: 1, fail: 0 }, configs: { 'a__fp32__node-cpu-t1__greedy': 'warn', 'b__fp32__node-cpu-t1__greedy': 'pass' }, baseline: 'results/baseline/nightly' },
      utterancesTrimmed: false,
    });
    const text = await readFile(join(first.dir, 'a__fp32__node-cpu-t1__greedy.json'), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(1); // one line: compact
    const stored = JSON.parse(text) as BenchResult;
    expect(stored.error).toEqual({ message: 'kept' });
    expect(stored.utterances).toHaveLength(1);
    const again = await recordNight({ store, current, now: new Date('2026-11-01T04:00:00Z') });
    expect(again.replaced).toBe(true);
    expect(again.night.gate).toBeNull();
    expect(again.night.gateNote).toBe('no gate report given');
    expect((await readNights(store)).map((n) => n.night.runId)).toEqual(['n1']);
    expect((await readdir(join(store, 'nights'))).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('records a first night without a gate report, saying why', async () => {
    const root = await temp();
    const out = await recordNight({ store: join(root, 'store'), current: await writeNight(root, 'n1', 1), gateReport: join(root, 'missing.json') });
    expect(out.night.gate).toBeNull();
    expect(out.night.gateNote).toMatch(/missing\.json not found: the gate did not compare this night \(no baseline yet/);
  });

  it('keeps maxNights nights per config, deletes emptied nights and trims texts of old nights', async () => {
    const root = await temp();
    const store = join(root, 'store');
    // Config b stops after night 2, so its results survive longer than a's.
    for (const [i, datasets] of [['a', 'b'], ['a', 'b'], ['a'], ['a'], ['a']].entries()) {
      await recordNight({ store, current: await writeNight(root, `n${i + 1}`, i + 1, datasets), maxNights: 3, keepUtteranceNights: 2 });
    }
    const nights = await readNights(store);
    expect(nights.map((n) => [n.night.runId, n.results.map((r) => r.result.config.dataset)])).toEqual([
      ['n1', ['b']],
      ['n2', ['b']],
      ['n3', ['a']],
      ['n4', ['a']],
      ['n5', ['a']],
    ]);
    expect(nights.map((n) => n.night.utterancesTrimmed)).toEqual([true, true, true, false, false]);
    const old = nights[0]!.results[0]!.result;
    expect(old.utterances).toEqual([]);
    expect(old.accuracy?.wer).toBe(0.25); // aggregates stay
    expect(nights[4]!.results[0]!.result.utterances).toHaveLength(1);
    const last = await recordNight({ store, current: await writeNight(root, 'n6', 6, ['a']), maxNights: 1, keepUtteranceNights: 1 });
    expect(last.retention.removedNights).toEqual(['n5', 'n4', 'n3', 'n1']);
    expect((await readNights(store)).map((n) => n.night.runId)).toEqual(['n2', 'n6']);
  });

  it('trims long-pass section texts but keeps their scores', async () => {
    const root = await temp();
    const store = join(root, 'store');
    const lp = { audioSec: 120, sectionSec: 60, encoderFrames: 1500, worstSectionIndex: 0, worstSectionWer: 0.5, sections: [{ ...utterance, index: 0, startSec: 0, endSec: 60 }] };
    const dir = join(root, 'runs', 'n1');
    await writeSamples(dir, [{ ...night('n1', 1, ['long'])[0]!, longPass: lp }]);
    await recordNight({ store, current: dir });
    await recordNight({ store, current: await writeNight(root, 'n2', 2, ['long']), keepUtteranceNights: 1 });
    const [old] = await readNights(store);
    expect(old!.results[0]!.result.longPass?.sections[0]).toMatchObject({ reference: '', hypothesis: '', audio: '', wer: 0.5, startSec: 0 });
  });

  it('refuses bad input naming the file and the fix', async () => {
    const root = await temp();
    const current = await writeNight(root, 'n1', 1);
    const notStore = join(root, 'results');
    await mkdir(notStore);
    await writeFile(join(notStore, 'x.json'), '{}');
    await expect(recordNight({ store: notStore, current })).rejects.toThrow(/results is not a history store \(no store\.json, but it holds x\.json\); pass the checkout of the history branch/);
    const badGate = join(root, 'gate.json');
    await writeFile(badGate, JSON.stringify({ verdict: 'fine' }));
    await expect(recordNight({ store: join(root, 's'), current, gateReport: badGate })).rejects.toThrow(/gate\.json: not a gate report \(`bench gate --json` output\)/);
    await expect(recordNight({ store: join(root, 's'), current, maxNights: 0 })).rejects.toThrow('--max-nights 0: keep at least 1 night per config');
    await expect(recordNight({ store: join(root, 's'), current, keepUtteranceNights: 0 })).rejects.toThrow(/--keep-utterance-nights 0/);
    const noId = join(root, 'runs', 'no-id');
    await writeSamples(noId, [sample('a')]);
    await expect(recordNight({ store: join(root, 's'), current: noId })).rejects.toThrow(/carry no run id; record runs written with `bench run --run-id <id>`/);
    const mixed = join(root, 'runs', 'mixed');
    await writeSamples(mixed, [{ ...sample('a'), runId: 'x' }, { ...sample('b'), runId: 'y' }]);
    await expect(recordNight({ store: join(root, 's'), current: mixed })).rejects.toThrow(/holds results of 2 runs/);
    const s = join(root, 's2');
    await recordNight({ store: s, current });
    await writeFile(join(s, 'nights', 'n1', 'night.json'), '{"nightVersion": 2}');
    await expect(readNightFile(join(s, 'nights', 'n1'))).rejects.toThrow(/night\.json: not a valid night file/);
    await writeFile(join(s, 'store.json'), '{"historyStoreVersion": 9}');
    await expect(recordNight({ store: s, current })).rejects.toThrow(/store\.json: history store version 9 is not the supported 1/);
  });
});
