import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeWav16 } from '@parakeet-bench/core';
import { loadDataset } from './load-dataset.ts';

const datasets = join(import.meta.dirname, '../../../../datasets');
const JFK_TEXT = 'And so, my fellow Americans, ask not what your country can do for you, ask what you can do for your country.';
const tone = (sec: number): Uint8Array => encodeWav16(new Float32Array(16000 * sec).map((_, i) => Math.sin(i / 5) * 0.3), 16000);

describe('loadDataset', () => {
  it('reads a NeMo manifest with relative paths and keeps empty references (the scorer counts them)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pb-ds-'));
    await mkdir(join(dir, 'wav'));
    await writeFile(join(dir, 'wav/a.wav'), tone(2));
    await writeFile(join(dir, 'wav/b.wav'), tone(1));
    await writeFile(
      join(dir, 'm.jsonl'),
      ['{"audio_filepath":"wav/a.wav","text":"bonjour","offset":0.5,"duration":1}', '{"audio_filepath":"wav/b.wav","text":"  "}'].join('\n'),
    );
    const d = await loadDataset({ name: 'm', kind: 'manifest', manifest: join(dir, 'm.jsonl') });
    if (d.kind !== 'corpus') throw new Error('corpus expected');
    expect(d.utterances.map((u) => [u.reference, u.samples.length])).toEqual([
      ['bonjour', 16000],
      ['  ', 16000],
    ]);
  });

  it('reads the bundled folders of audio + .txt pairs (10 FLEURS-fr .ogg via ffmpeg, JFK .wav in-process)', async () => {
    const sample = join(datasets, 'fleurs-fr-sample');
    const d = await loadDataset({ name: 'fleurs-fr-sample', kind: 'folder', dir: sample });
    if (d.kind !== 'corpus') throw new Error('corpus expected');
    expect(d.utterances.map((u) => u.id)).toEqual(Array.from({ length: 10 }, (_, i) => `fleurs-fr-test-00${i}`));
    for (const u of d.utterances) {
      expect(u.reference).toBe((await readFile(join(sample, `${u.id}.txt`), 'utf8')).trim());
      // FLEURS clips are a few seconds to ~30 s of 16 kHz audio. Not silence, but the threshold is low:
      // fleurs-fr-test-000 really peaks at -47.7 dBFS (a near-silent recording shipped in FLEURS).
      expect(u.samples.length).toBeGreaterThan(16000);
      expect(u.samples.length).toBeLessThan(16000 * 40);
      expect(u.samples.reduce((m, x) => Math.max(m, Math.abs(x)), 0)).toBeGreaterThan(0.002);
    }
    const jfk = await loadDataset({ name: 'jfk-11s', kind: 'folder', dir: join(datasets, 'jfk-11s') });
    if (jfk.kind !== 'corpus') throw new Error('corpus expected');
    expect(jfk.utterances.map((u) => [u.id, u.reference, u.samples.length])).toEqual([['jfk-11s', JFK_TEXT, 176_000]]);
  }, 60_000);

  it('refuses transcripts that are not UTF-8 (a Latin-1 manifest once scored 63% WER as ok), naming the file, line and fix', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pb-ds-'));
    await writeFile(join(dir, 'a.wav'), tone(1));
    const latin1 = Buffer.concat([Buffer.from('{"audio_filepath":"a.wav","text":"bonjour"}\n{"audio_filepath":"a.wav","text":"l'), Buffer.from([0xe9]), Buffer.from('t\u00e9"}\n')]);
    await writeFile(join(dir, 'm.jsonl'), latin1);
    await expect(loadDataset({ name: 'm', kind: 'manifest', manifest: join(dir, 'm.jsonl') })).rejects.toThrow(/m\.jsonl:2: not valid UTF-8 .*iconv -f latin1 -t utf-8/);
    await writeFile(join(dir, 'a.txt'), Buffer.from([0x65, 0x74, 0xe9]));
    await expect(loadDataset({ name: 'f', kind: 'folder', dir })).rejects.toThrow(/a\.txt:1: not valid UTF-8/);
    // UTF-8 with a BOM is fine.
    await writeFile(join(dir, 'a.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('été')]));
    const d = await loadDataset({ name: 'f', kind: 'folder', dir });
    expect(d.kind === 'corpus' && d.utterances[0]!.reference).toBe('été');
  });

  it('names what is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pb-ds-'));
    await expect(loadDataset({ name: 'x', kind: 'manifest', manifest: join(dir, 'none.jsonl') })).rejects.toThrow(/none.jsonl: manifest not found/);
    await writeFile(join(dir, 'm.jsonl'), '{"audio_filepath":"gone.wav","text":"x"}');
    await expect(loadDataset({ name: 'x', kind: 'manifest', manifest: join(dir, 'm.jsonl') })).rejects.toThrow(/gone.wav: audio file not found/);
    await writeFile(join(dir, 'lonely.wav'), tone(1));
    await expect(loadDataset({ name: 'x', kind: 'folder', dir })).rejects.toThrow(/lonely.txt: transcript for lonely.wav/);
    await expect(loadDataset({ name: 'x', kind: 'folder', dir: join(dir, 'nowhere') })).rejects.toThrow(/dataset folder not found/);
  });

  it('runs the long protocol over the real JFK clip (shorter than maxSec: the whole clip)', async () => {
    const d = await loadDataset({ name: 'jfk', kind: 'long', audio: join(datasets, 'jfk-11s/jfk-11s.wav'), maxSec: 390, sectionSec: 60, maxEncoderFrames: 5000 });
    if (d.kind !== 'long') throw new Error('long expected');
    expect(d.samples.length).toBe(176_000);
    expect(d.humanReference).toBeUndefined();
  });

  it('cuts a long recording to maxSec and reads the human reference', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pb-ds-'));
    await writeFile(join(dir, 'long.wav'), tone(5));
    await writeFile(join(dir, 'long.txt'), 'ask not\n');
    const d = await loadDataset({ name: 'l', kind: 'long', audio: join(dir, 'long.wav'), maxSec: 3, sectionSec: 1, referenceText: join(dir, 'long.txt'), maxEncoderFrames: 5000 });
    if (d.kind !== 'long') throw new Error('long expected');
    expect(d.samples.length).toBe(48000);
    expect(d.humanReference).toBe('ask not');
  });
});
