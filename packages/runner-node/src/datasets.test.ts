import { mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeWav16 } from '@parakeet-bench/core';
import { loadDataset } from './datasets.ts';

const shared = join(import.meta.dirname, '../../../../shared/data/audio');
const tone = (sec: number): Uint8Array => encodeWav16(new Float32Array(16000 * sec).map((_, i) => Math.sin(i / 5) * 0.3), 16000);

describe('loadDataset', () => {
  it('reads a NeMo manifest with relative paths and drops (and counts) empty references', async () => {
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
    expect(d.utterances.map((u) => [u.reference, u.samples.length])).toEqual([['bonjour', 16000]]);
    expect(d.droppedEmptyReferences).toBe(1);
  });

  it('reads a folder of audio + .txt pairs (the real FLEURS-fr clips)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pb-fleurs-'));
    for (const name of (await readdir(shared)).filter((n) => n.startsWith('fleurs-fr'))) await symlink(join(shared, name), join(dir, name));
    const d = await loadDataset({ name: 'fleurs', kind: 'folder', dir });
    if (d.kind !== 'corpus') throw new Error('corpus expected');
    expect(d.utterances).toHaveLength(10);
    expect(d.utterances[0]!.reference.length).toBeGreaterThan(10);
  }, 60_000);

  it('names what is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pb-ds-'));
    await expect(loadDataset({ name: 'x', kind: 'manifest', manifest: join(dir, 'none.jsonl') })).rejects.toThrow(/none.jsonl: manifest not found/);
    await writeFile(join(dir, 'm.jsonl'), '{"audio_filepath":"gone.wav","text":"x"}');
    await expect(loadDataset({ name: 'x', kind: 'manifest', manifest: join(dir, 'm.jsonl') })).rejects.toThrow(/gone.wav: audio file not found/);
    await writeFile(join(dir, 'lonely.wav'), tone(1));
    await expect(loadDataset({ name: 'x', kind: 'folder', dir })).rejects.toThrow(/lonely.txt: transcript for lonely.wav/);
    await expect(loadDataset({ name: 'x', kind: 'folder', dir: join(dir, 'nowhere') })).rejects.toThrow(/dataset folder not found/);
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
