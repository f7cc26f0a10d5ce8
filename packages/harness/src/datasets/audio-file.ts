import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { TARGET_SAMPLE_RATE, decodeWav, resampleTo16k } from '@parakeet-bench/core';

/** Mono 16 kHz samples of an audio file, optionally a [offset, offset+duration) excerpt. */
export interface LoadedAudio {
  readonly samples: Float32Array;
  readonly sourceRate: number;
  readonly decoder: 'wav' | 'ffmpeg';
}

/** Where ffmpeg is looked up; tests point it at a missing binary. */
export const FFMPEG_ENV = 'PARAKEET_BENCH_FFMPEG';

function excerpt(samples: Float32Array, offsetSec = 0, durationSec?: number): Float32Array {
  const start = Math.round(offsetSec * TARGET_SAMPLE_RATE);
  const end = durationSec === undefined ? samples.length : start + Math.round(durationSec * TARGET_SAMPLE_RATE);
  return samples.subarray(start, Math.min(end, samples.length));
}

/** Decodes any ffmpeg-readable file straight to mono 16 kHz float32. */
export function decodeWithFfmpeg(path: string, ffmpeg = process.env[FFMPEG_ENV] ?? 'ffmpeg'): Promise<Float32Array> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(ffmpeg, ['-nostdin', '-v', 'error', '-i', path, '-f', 'f32le', '-ac', '1', '-ar', '16000', '-'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'ENOENT'
          ? new Error(
              `${path}: decoding ${extname(path) || 'this format'} needs ffmpeg, which was not found (${ffmpeg}); install it (apt-get install ffmpeg) or convert the file to WAV`,
            )
          : e,
      );
    });
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`${path}: ffmpeg could not decode it (exit ${code}): ${stderr.trim().split('\n').slice(-2).join(' ')}`));
        return;
      }
      const buf = Buffer.concat(chunks);
      const samples = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length - (buf.length % 4)));
      resolvePromise(samples);
    });
  });
}

/**
 * Loads audio for the pipeline: WAV is decoded in-process (any PCM/float format, downmixed and
 * resampled), anything else through ffmpeg. Truncated or empty audio is an error naming the file.
 */
export async function loadAudioFile(path: string, offsetSec?: number, durationSec?: number): Promise<LoadedAudio> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(err.code === 'ENOENT' ? `${path}: audio file not found` : `${path}: cannot read (${err.message})`);
  }
  let samples: Float32Array;
  let sourceRate = TARGET_SAMPLE_RATE;
  let decoder: LoadedAudio['decoder'] = 'wav';
  if (bytes.length >= 12 && new TextDecoder().decode(bytes.subarray(0, 4)) === 'RIFF' && new TextDecoder().decode(bytes.subarray(8, 12)) === 'WAVE') {
    const wav = decodeWav(bytes, path);
    if (wav.truncated) {
      throw new Error(`${path}: WAV data chunk is truncated (the header promises more audio than the file holds); re-export or repair the file`);
    }
    sourceRate = wav.sampleRate;
    samples = resampleTo16k(wav.samples, wav.sampleRate);
  } else if (extname(path).toLowerCase() === '.wav') {
    throw new Error(`${path}: not a RIFF/WAVE file (corrupt header); re-export it as WAV or give its real extension`);
  } else {
    decoder = 'ffmpeg';
    samples = await decodeWithFfmpeg(path);
  }
  const out = excerpt(samples, offsetSec, durationSec);
  if (out.length === 0) throw new Error(`${path}: no audio samples${offsetSec ? ` after offset ${offsetSec} s` : ''} (empty audio)`);
  return { samples: out, sourceRate, decoder };
}
