import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeWav16 } from '@parakeet-bench/core';
import { FFMPEG_ENV, loadAudioFile } from './audio-file.ts';

const datasets = join(import.meta.dirname, '../../../../datasets');
const JFK = join(datasets, 'jfk-11s/jfk-11s.wav');
const fleurs = (n: number): string => join(datasets, `fleurs-fr-sample/fleurs-fr-test-00${n}.ogg`);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pb-audio-'));
});

describe('loadAudioFile', () => {
  it('loads the real JFK clip at 16 kHz', async () => {
    const a = await loadAudioFile(JFK);
    expect(a.decoder).toBe('wav');
    expect(a.samples.length / 16000).toBeCloseTo(11, 0);
  });

  it('decodes the real FLEURS-fr ogg/opus clips through ffmpeg', async () => {
    const a = await loadAudioFile(fleurs(0));
    expect(a.decoder).toBe('ffmpeg');
    // ffprobe: 10.21 s; the clip is quiet (ffmpeg volumedetect: max -47.7 dB = 0.0041) but not silent.
    expect(a.samples.length / 16000).toBeCloseTo(10.21, 1);
    const peak = a.samples.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    expect(peak).toBeGreaterThan(0.003);
    expect(peak).toBeLessThan(0.006);
  });

  it('reads a WAV that ffmpeg wrote to a pipe (sizes 0xFFFFFFFF) to the end, not as truncated', async () => {
    const piped = join(dir, 'piped.wav');
    // What `ffmpeg ... -f wav - > piped.wav` leaves: RIFF and data sizes it could not seek back to fill.
    const wav = spawnSync('ffmpeg', ['-nostdin', '-v', 'error', '-i', JFK, '-f', 'wav', '-'], { maxBuffer: 1 << 26 });
    expect(wav.status).toBe(0);
    await writeFile(piped, wav.stdout);
    expect(wav.stdout.readUInt32LE(4)).toBe(0xffffffff);
    const a = await loadAudioFile(piped);
    expect(a.decoder).toBe('wav');
    expect(a.samples.length).toBe((await loadAudioFile(JFK)).samples.length);
  });

  it('resamples and cuts an excerpt by offset and duration', async () => {
    const p = join(dir, 'tone-8k.wav');
    await writeFile(p, encodeWav16(new Float32Array(8000 * 3).map((_, i) => Math.sin(i / 3) * 0.5), 8000));
    const a = await loadAudioFile(p, 1, 1.5);
    expect(a.sourceRate).toBe(8000);
    expect(a.samples.length).toBe(24000);
  });

  it('names the file for missing, corrupt, truncated and empty audio', async () => {
    await expect(loadAudioFile(join(dir, 'nope.wav'))).rejects.toThrow(/nope.wav: audio file not found/);
    const corrupt = join(dir, 'corrupt.wav');
    await writeFile(corrupt, Buffer.from('this is not audio at all, not even close'));
    await expect(loadAudioFile(corrupt)).rejects.toThrow(/corrupt.wav: not a RIFF\/WAVE file/);
    const full = encodeWav16(new Float32Array(16000).fill(0.1), 16000);
    const truncated = join(dir, 'truncated.wav');
    await writeFile(truncated, full.subarray(0, 1000));
    await expect(loadAudioFile(truncated)).rejects.toThrow(/truncated.wav: WAV data chunk is truncated/);
    const empty = join(dir, 'empty.wav');
    await writeFile(empty, encodeWav16(new Float32Array(0), 16000));
    await expect(loadAudioFile(empty)).rejects.toThrow(/empty.wav/);
    await expect(loadAudioFile(JFK, 20)).rejects.toThrow(/no audio samples after offset 20 s/);
  });

  it('says to install ffmpeg when it is missing', async () => {
    const before = process.env[FFMPEG_ENV];
    process.env[FFMPEG_ENV] = '/nonexistent/ffmpeg';
    try {
      await expect(loadAudioFile(fleurs(1))).rejects.toThrow(/needs ffmpeg, which was not found .*apt-get install ffmpeg/);
    } finally {
      if (before === undefined) delete process.env[FFMPEG_ENV];
      else process.env[FFMPEG_ENV] = before;
    }
  });

  it('reports a file ffmpeg cannot decode', async () => {
    const bad = join(dir, 'bad.ogg');
    await writeFile(bad, Buffer.from('OggS garbage garbage garbage'));
    await expect(loadAudioFile(bad)).rejects.toThrow(/bad.ogg: ffmpeg could not decode it/);
  });
});
