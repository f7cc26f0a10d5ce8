import { readdir, readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeWav16 } from '@parakeet-bench/core';
import { startFakeHub, type FakeHub } from '@parakeet-bench/hub/testing';
import { loadDataset, parseSweepSpec } from '@parakeet-bench/harness';
import { fleursSnapshotFiles, type FleursClip } from '@parakeet-bench/harness/testing';
import { UsageError } from '../command.ts';
import { dataCommand } from './data.ts';

const jfk = join(import.meta.dirname, '../../../../datasets/jfk-11s/jfk-11s.wav');
const tone = (sec: number, f: number): Uint8Array => encodeWav16(new Float32Array(Math.round(16000 * sec)).map((_, i) => Math.sin(i * f) * 0.3), 16000);

let hub: FakeHub;
let root: string;
let out: string[];
let clips: FleursClip[];

beforeAll(async () => {
  clips = [
    { fileName: '10001.wav', audio: await readFile(jfk), raw: 'Ask not what your country can do for you.' },
    { fileName: '10002.wav', audio: tone(1, 0.1), raw: 'Bonjour, à tous !' },
    { fileName: '10003.wav', audio: tone(0.5, 0.3), raw: 'Voilà.' },
  ];
  const files = {
    ...fleursSnapshotFiles('fr_fr', 'validation', clips),
    ...fleursSnapshotFiles('fr_fr', 'test', clips.slice(0, 1)),
    'fleurs.py': Buffer.from('# loading script'),
  };
  const lfs = (p: string) => p.endsWith('.tar.gz');
  hub = await startFakeHub([{ id: 'google/fleurs', type: 'dataset', files: Object.fromEntries(Object.entries(files).map(([p, content]) => [p, { content, lfs: lfs(p) }])) }]);
  process.env['HF_ENDPOINT'] = hub.endpoint;
});
afterAll(() => hub.close());
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'bench-data-'));
  out = [];
  hub.log.length = 0;
  vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

describe('bench data fetch fleurs', () => {
  it('downloads only the split table and tarball from the dataset repo, extracts it, and the result loads as a fleurs dataset', async () => {
    expect(await dataCommand.run(['fetch', 'fleurs', '--lang', 'fr_fr', '--split', 'validation', '--dir', root])).toBe(0);
    const dir = join(root, 'google__fleurs');
    expect(await readdir(join(dir, 'data/fr_fr'))).toEqual(expect.arrayContaining(['dev.tsv', 'audio']));
    expect((await readdir(join(dir, 'data/fr_fr/audio'))).sort()).toEqual(['dev.extracted', 'dev.tar.gz']);
    const fetched = hub.log.filter((r) => r.server === 'hub' && r.url.includes('/resolve/')).map((r) => r.url);
    expect(fetched).toEqual(['/datasets/google/fleurs/resolve/main/data/fr_fr/dev.tsv', '/datasets/google/fleurs/resolve/main/data/fr_fr/audio/dev.tar.gz']);
    expect(hub.log.some((r) => r.url.startsWith('/api/datasets/google/fleurs/revision/main'))).toBe(true);
    const text = out.join('\n');
    expect(text).toMatch(/fleurs fr_fr validation: .*google__fleurs \(google\/fleurs@c0ffee000000; 2 downloaded, 0 already present\)/);
    expect(text).toMatch(/extracted 3 files into .*dev\.extracted/);

    const entry = JSON.parse(out.at(-1)!.trim()) as Record<string, unknown>;
    const spec = parseSweepSpec({
      variants: [{ id: 'fp32', dir: 'm', encoderFile: 'e', decoderFile: 'd', encoderPrecision: 'fp32', decoderPrecision: 'fp32' }],
      oracleVariant: 'fp32',
      backends: [{ backend: 'node-cpu', threads: [1] }],
      decoders: [{ kind: 'greedy' }],
      datasets: [entry],
    }, 'printed entry');
    const data = await loadDataset(spec.datasets[0]!);
    if (data.kind !== 'corpus') throw new Error('corpus expected');
    expect(data.utterances.map((u) => [u.id, u.reference, u.samples.length])).toEqual([
      ['10001', clips[0]!.raw, 176_000],
      ['10002', clips[1]!.raw, 16_000],
      ['10003', clips[2]!.raw, 8_000],
    ]);

    out.length = 0;
    hub.log.length = 0;
    expect(await dataCommand.run(['fetch', 'fleurs', '--lang', 'fr_fr', '--split', 'validation', '--dir', root])).toBe(0);
    expect(out.join('\n')).toMatch(/0 downloaded, 2 already present[\s\S]*already extracted/);
    expect(hub.log.filter((r) => r.url.includes('/resolve/'))).toEqual([]);
  });

  it('fetches the test split under its own name', async () => {
    await dataCommand.run(['fetch', 'fleurs', '--lang', 'fr_fr', '--split', 'test', '--dir', root]);
    expect((await readdir(join(root, 'google__fleurs/data/fr_fr/audio'))).sort()).toEqual(['test.extracted', 'test.tar.gz']);
  });

  it('explains a language the repo does not have', async () => {
    await expect(dataCommand.run(['fetch', 'fleurs', '--lang', 'xx_yy', '--split', 'validation', '--dir', root])).rejects.toThrow(
      /has no data\/xx_yy\/dev\.tsv, data\/xx_yy\/audio\/dev\.tar\.gz[\s\S]*check --lang \(a config name such as fr_fr\)/,
    );
  });

  it('rejects bad usage before any request', async () => {
    const cases: [string[], RegExp][] = [
      [[], /missing subcommand: fetch/],
      [['pull', 'fleurs'], /unknown subcommand "pull"/],
      [['fetch'], /name a dataset: one of fleurs/],
      [['fetch', 'librispeech'], /unknown dataset "librispeech": one of fleurs/],
      [['fetch', 'fleurs', '--split', 'validation'], /--lang is required/],
      [['fetch', 'fleurs', '--lang', 'fr_fr'], /--split is required \(validation, test, train\)/],
      [['fetch', 'fleurs', '--lang', 'fr_fr', '--split', 'dev'], /--split "dev" is not a FLEURS split: use validation, test, train/],
      [['fetch', 'fleurs', '--lang', '../etc', '--split', 'test'], /"\.\.\/etc" is not a FLEURS language code/],
      [['fetch', 'fleurs', '--lang', 'fr_fr', '--split', 'test', '--bogus'], /bogus/],
    ];
    for (const [argv, message] of cases) {
      const err = await dataCommand.run(argv).catch((e: unknown) => e);
      expect(err, argv.join(' ')).toBeInstanceOf(UsageError);
      expect((err as Error).message).toMatch(message);
    }
    expect(hub.log).toEqual([]);
  });
});
