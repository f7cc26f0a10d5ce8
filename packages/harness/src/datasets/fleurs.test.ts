import { mkdtemp, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeWav16 } from '@parakeet-bench/core';
import { fleursSnapshotFiles, writeFleursSnapshot, type FleursClip } from '../../test/fleurs-fixture.ts';
import { loadDataset } from './load-dataset.ts';
import { fleursPaths, fleursRepoFiles } from './fleurs-layout.ts';
import { parseFleursTsv } from './fleurs.ts';
import { planJobs } from '../sweep/plan.ts';
import { parseSweepSpec } from '../sweep/sweep-spec.ts';

const jfk = join(import.meta.dirname, '../../../../datasets/jfk-11s/jfk-11s.wav');
const tone = (sec: number, f: number): Uint8Array => encodeWav16(new Float32Array(Math.round(16000 * sec)).map((_, i) => Math.sin(i * f) * 0.3), 16000);

let root: string;
let dir: string;
let clips: FleursClip[];
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pb-fleurs-'));
  dir = join(root, 'google__fleurs');
  clips = [
    { fileName: '1001.wav', audio: await readFile(jfk), raw: 'And so, my fellow Americans, ask not what your country can do for you.' },
    { fileName: '1002.wav', audio: tone(1.5, 0.1), raw: "L'été, à Paris." },
    { fileName: '1003.wav', audio: tone(0.5, 0.2), raw: '   ' },
  ];
});
afterEach(() => rm(root, { recursive: true, force: true }));

const spec = (extra: Record<string, unknown> = {}) => ({ name: 'fleurs-fr', kind: 'fleurs' as const, dir, lang: 'fr_fr', split: 'validation' as const, ...extra });

describe('fleurs layout', () => {
  it('maps validation to the dev files of the hub repo and refuses malformed language codes', () => {
    expect(fleursRepoFiles('fr_fr', 'validation')).toEqual({ tsv: 'data/fr_fr/dev.tsv', archive: 'data/fr_fr/audio/dev.tar.gz' });
    expect(fleursRepoFiles('cmn_hans_cn', 'test')).toEqual({ tsv: 'data/cmn_hans_cn/test.tsv', archive: 'data/cmn_hans_cn/audio/test.tar.gz' });
    expect(fleursPaths('/d', 'fr_fr', 'train').extracted).toBe(join('/d', 'data/fr_fr/audio/train.extracted'));
    expect(() => fleursRepoFiles('../x', 'test')).toThrow(/"\.\.\/x" is not a FLEURS language code/);
  });

  it('parses the 7-column table and rejects other shapes', () => {
    const rows = parseFleursTsv('7\ta.wav\tBonjour.\tbonjour\tb o n\t100\tMALE\r\n\n', 't.tsv');
    expect(rows).toEqual([{ line: 1, id: '7', fileName: 'a.wav', rawTranscription: 'Bonjour.', transcription: 'bonjour' }]);
    expect(() => parseFleursTsv('7\ta.wav\tBonjour.\n', 't.tsv')).toThrow(/t\.tsv:1: expected tab-separated id, file name, raw transcription, transcription, \.\.\. \(got 3 columns\)/);
    expect(() => parseFleursTsv('7\ta.wav\tB\tb\n\nbad\n', 't.tsv')).toThrow(/t\.tsv:3: expected .*\(got 1 column\)/);
    expect(() => parseFleursTsv('7\t../a.wav\tB\tb\n', 't.tsv')).toThrow(/t\.tsv:1: file name "\.\.\/a\.wav" is not a plain file name/);
  });
});

describe('fleurs datasets', () => {
  it('loads a split in its hub layout with raw references, extracting the tarball once beside it', async () => {
    await writeFleursSnapshot(dir, 'fr_fr', 'validation', clips);
    const d = await loadDataset(spec());
    if (d.kind !== 'corpus') throw new Error('corpus expected');
    expect(d.utterances.map((u) => [u.id, u.reference])).toEqual([
      ['1001', clips[0]!.raw],
      ['1002', "L'été, à Paris."],
      ['1003', ''],
    ]);
    expect(d.utterances[0]!.samples.length).toBe(176_000);
    expect(d.utterances[1]!.samples.length).toBe(24_000);
    const extracted = fleursPaths(dir, 'fr_fr', 'validation').extracted;
    expect(d.utterances[0]!.audio).toBe(join(extracted, 'dev', '1001.wav'));
    const before = (await stat(d.utterances[0]!.audio)).mtimeMs;
    await loadDataset(spec());
    expect((await stat(d.utterances[0]!.audio)).mtimeMs).toBe(before);
  });

  it('honours limit (table order) and the other splits', async () => {
    await writeFleursSnapshot(dir, 'fr_fr', 'test', clips);
    const d = await loadDataset(spec({ split: 'test', limit: 1 }));
    if (d.kind !== 'corpus') throw new Error('corpus expected');
    expect(d.utterances.map((u) => u.id)).toEqual(['1001']);
  });

  it('names the missing file and the fetch command', async () => {
    await expect(loadDataset(spec())).rejects.toThrow(
      `${join(dir, 'data/fr_fr/dev.tsv')}: FLEURS split table not found; fetch the split with: npx bench data fetch fleurs --lang fr_fr --split validation --dir ${root}`,
    );
    const files = fleursSnapshotFiles('fr_fr', 'validation', clips);
    await writeFleursSnapshot(dir, 'fr_fr', 'validation', clips);
    await unlink(join(dir, 'data/fr_fr/audio/dev.tar.gz'));
    await expect(loadDataset(spec())).rejects.toThrow(/audio\/dev\.tar\.gz: FLEURS audio tarball not found; fetch the split with: npx bench data fetch fleurs --lang fr_fr --split validation --dir /);
    await writeFile(join(dir, 'data/fr_fr/audio/dev.tar.gz'), files['data/fr_fr/audio/dev.tar.gz']!);
    await writeFile(join(dir, 'data/fr_fr/dev.tsv'), `${files['data/fr_fr/dev.tsv']!.toString()}9\t9999.wav\tEncore.\tencore\te\t1\tMALE\n`);
    await expect(loadDataset(spec())).rejects.toThrow(/dev\.tar\.gz has no 9999\.wav \(listed at .*dev\.tsv:4\); the tarball and table do not match/);
    await writeFile(join(dir, 'data/fr_fr/dev.tsv'), '');
    await expect(loadDataset(spec())).rejects.toThrow(/dev\.tsv: the FLEURS split table is empty/);
  });

  it('suggests the layout when dir is not a google__fleurs snapshot folder', async () => {
    await expect(loadDataset(spec({ dir: join(root, 'elsewhere') }))).rejects.toThrow(/--split validation \(it writes <root>\/google__fleurs; point "dir" at that folder\)/);
  });
});

describe('fleurs in sweep files', () => {
  const base = {
    variants: [{ id: 'fp32', dir: 'm', encoderFile: 'e.onnx', decoderFile: 'd.onnx', encoderPrecision: 'fp32', decoderPrecision: 'fp32' }],
    oracleVariant: 'fp32',
    backends: [{ backend: 'node-cpu', threads: [1] }],
    decoders: [{ kind: 'greedy' }],
  };
  it('validates the fleurs kind and resolves its dir in the plan', () => {
    const s = parseSweepSpec({ ...base, datasets: [{ name: 'f', kind: 'fleurs', dir: 'rel/google__fleurs', lang: 'fr_fr', split: 'validation', limit: 5 }] }, 'sweep.json');
    const [job] = planJobs(s, { resultsDir: root });
    expect(job!.dataset).toMatchObject({ kind: 'fleurs', dir: join(process.cwd(), 'rel/google__fleurs'), limit: 5 });
    expect(() => parseSweepSpec({ ...base, datasets: [{ name: 'f', kind: 'fleurs', dir: 'x', lang: 'French', split: 'validation' }] }, 'sweep.json')).toThrow(/sweep\.json: invalid sweep[\s\S]*FLEURS language codes look like fr_fr/);
    expect(() => parseSweepSpec({ ...base, datasets: [{ name: 'f', kind: 'fleurs', dir: 'x', lang: 'fr_fr', split: 'dev' }] }, 'sweep.json')).toThrow(/sweep\.json: invalid sweep[\s\S]*split/);
  });
});
