import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAudio16k, resampleTo16k } from './resample.ts';
import { encodeWav16 } from './wav-encode.ts';

const JFK = fileURLToPath(new URL('../../../../datasets/jfk-11s/jfk-11s.wav', import.meta.url));

function sine(freq: number, rate: number, seconds: number, amp: number): Float32Array {
  const n = Math.round(rate * seconds);
  return Float32Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * freq * i) / rate));
}

/** Amplitude of `freq` in x[from, from + len) at 16 kHz (one DFT bin; len spans whole cycles). */
function amplitudeAt(x: Float32Array, freq: number, from: number, len: number): number {
  let re = 0;
  let im = 0;
  for (let i = 0; i < len; i++) {
    const a = (2 * Math.PI * freq * i) / 16000;
    re += x[from + i]! * Math.cos(a);
    im -= x[from + i]! * Math.sin(a);
  }
  return (2 * Math.hypot(re, im)) / len;
}

function rms(x: Float32Array, from: number, len: number): number {
  let s = 0;
  for (let i = from; i < from + len; i++) s += x[i]! * x[i]!;
  return Math.sqrt(s / len);
}

describe('resampleTo16k', () => {
  it('is the identity at 16 kHz', () => {
    const x = sine(440, 16000, 0.01, 0.3);
    expect(resampleTo16k(x, 16000)).toBe(x);
  });

  it.each([44100, 48000, 8000, 22050, 11025, 44101])('keeps a 1 kHz tone at %i Hz (44101: the non-polyphase path): frequency, amplitude and length', (rate) => {
    const x = sine(1000, rate, 1, 0.5);
    const y = resampleTo16k(x, rate);
    expect(y.length).toBe(Math.round((x.length * 16000) / rate));
    // Middle 0.5 s (500 whole cycles) avoids the filter's edge transients.
    const from = 4000;
    const len = 8000;
    expect(amplitudeAt(y, 1000, from, len)).toBeCloseTo(0.5, 2);
    // The energy sits at 1 kHz, not at a neighbouring frequency.
    expect(amplitudeAt(y, 1000, from, len)).toBeGreaterThan(20 * amplitudeAt(y, 1100, from, len));
    // And the waveform itself matches the ideal 16 kHz sine (phase preserved: no delay).
    const ideal = sine(1000, 16000, 1, 0.5);
    let err = 0;
    for (let i = from; i < from + len; i++) err = Math.max(err, Math.abs(y[i]! - ideal[i]!));
    expect(err).toBeLessThan(5e-3);
  });

  it('attenuates a 10 kHz tone at 44.1 kHz by more than 40 dB (it would alias to 6 kHz)', () => {
    const x = sine(10000, 44100, 0.5, 0.5);
    const y = resampleTo16k(x, 44100);
    const inRms = rms(x, 0, x.length);
    const outRms = rms(y, 1000, 6000);
    expect(20 * Math.log10(outRms / inRms)).toBeLessThan(-40);
    expect(amplitudeAt(y, 6000, 1000, 6000)).toBeLessThan(0.005);
  });

  it('passes speech-band content (3 kHz at 48 kHz) at full amplitude', () => {
    const y = resampleTo16k(sine(3000, 48000, 0.5, 0.8), 48000);
    expect(amplitudeAt(y, 3000, 1000, 6000)).toBeCloseTo(0.8, 2);
  });

  it('rejects a bad sample rate', () => {
    expect(() => resampleTo16k(new Float32Array(4), 0)).toThrow(/sample rate 0 is not a positive number/);
    expect(() => resampleTo16k(new Float32Array(4), Number.NaN)).toThrow(/sample rate NaN/);
  });
});

describe('loadAudio16k', () => {
  it('decodes, keeps 16 kHz as is, and reports the original format', () => {
    const a = loadAudio16k(new Uint8Array(readFileSync(JFK)), JFK);
    expect(a.sampleRate).toBe(16000);
    expect(a.durationSec).toBeCloseTo(11, 2);
    expect(a.original).toMatchObject({ sampleRate: 16000, channels: 1, format: 'pcm-s16', truncated: false });
  });

  it('resamples a 44.1 kHz file to 16 kHz', () => {
    const wav = encodeWav16(sine(1000, 44100, 0.5, 0.5), 44100);
    const a = loadAudio16k(wav, 'tone.wav');
    expect(a.samples.length).toBe(8000);
    expect(a.original.sampleRate).toBe(44100);
    expect(amplitudeAt(a.samples, 1000, 2000, 4000)).toBeCloseTo(0.5, 2);
  });

  it('passes decode errors through with the file name', () => {
    expect(() => loadAudio16k(new Uint8Array(16), 'clip.ogg')).toThrow(/clip\.ogg: not a RIFF\/WAVE file/);
  });
});
