import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeWav } from './wav-decode.ts';
import { encodeWav16 } from './wav-encode.ts';

const JFK = fileURLToPath(new URL('../../../../datasets/jfk-11s/jfk-11s.wav', import.meta.url));

interface Chunk {
  id: string;
  body: Uint8Array;
  /** Size written in the header when it differs from the body (truncated files). */
  declared?: number;
}

/** Builds a RIFF/WAVE file from chunks, padding odd bodies as the spec requires. */
function riff(chunks: Chunk[], form = 'WAVE'): Uint8Array {
  const parts: number[] = [];
  const ascii = (s: string): void => {
    for (const ch of s) parts.push(ch.charCodeAt(0));
  };
  const u32 = (v: number): void => {
    parts.push(v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255);
  };
  ascii('RIFF');
  u32(0);
  ascii(form);
  for (const c of chunks) {
    ascii(c.id);
    u32(c.declared ?? c.body.length);
    parts.push(...c.body);
    if (c.body.length % 2 === 1 && c.declared === undefined) parts.push(0);
  }
  const out = Uint8Array.from(parts);
  new DataView(out.buffer).setUint32(4, out.length - 8, true);
  return out;
}

function fmt(tag: number, channels: number, rate: number, bits: number, extensibleSubFormat?: number): Chunk {
  const ext = extensibleSubFormat !== undefined;
  const body = new Uint8Array(ext ? 40 : 16);
  const v = new DataView(body.buffer);
  const block = (channels * bits) / 8;
  v.setUint16(0, ext ? 0xfffe : tag, true);
  v.setUint16(2, channels, true);
  v.setUint32(4, rate, true);
  v.setUint32(8, rate * block, true);
  v.setUint16(12, block, true);
  v.setUint16(14, bits, true);
  if (ext) {
    v.setUint16(16, 22, true); // cbSize
    v.setUint16(18, bits, true); // valid bits
    v.setUint32(20, channels === 1 ? 4 : 3, true); // channel mask
    v.setUint16(24, extensibleSubFormat, true); // GUID starts with the format code
    body.set([0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71], 26);
  }
  return { id: 'fmt ', body };
}

function data(bytes: number[] | Uint8Array, declared?: number): Chunk {
  return { id: 'data', body: Uint8Array.from(bytes), declared };
}

/** Little-endian bytes of samples in a given width. */
function le(values: number[], write: (v: DataView, o: number, x: number) => void, width: number): number[] {
  const buf = new Uint8Array(values.length * width);
  const v = new DataView(buf.buffer);
  values.forEach((x, i) => write(v, i * width, x));
  return [...buf];
}

describe('decodeWav', () => {
  it('decodes the real JFK clip (16 kHz mono s16 with a LIST chunk) sample-exactly', () => {
    const bytes = new Uint8Array(readFileSync(JFK));
    const wav = decodeWav(bytes, JFK);
    expect(wav).toMatchObject({ sampleRate: 16000, channels: 1, format: 'pcm-s16', truncated: false });
    expect(wav.durationSec).toBeCloseTo(11.0, 2);
    // Independent reading: the 8 bytes after the literal "data" tag start the samples.
    const at = Buffer.from(bytes).indexOf('data') + 8;
    const raw = new DataView(bytes.buffer, bytes.byteOffset);
    expect(wav.samples.length).toBe(raw.getUint32(at - 4, true) / 2);
    for (const i of [0, 1000, 88000, wav.samples.length - 1]) {
      expect(wav.samples[i]).toBe(raw.getInt16(at + 2 * i, true) / 32768);
    }
    expect(wav.samples.reduce((m, x) => Math.max(m, Math.abs(x)), 0)).toBeGreaterThan(0.1); // real speech, not silence
  });

  const pcm = [0, 0.5, -0.5, -1];
  const cases: [string, Chunk, number[]][] = [
    ['pcm-u8', fmt(1, 1, 8000, 8), pcm.map((x) => x * 128 + 128)],
    ['pcm-s16', fmt(1, 1, 8000, 16), le(pcm, (v, o, x) => v.setInt16(o, x * 32768, true), 2)],
    ['pcm-s24', fmt(1, 1, 8000, 24), le(pcm, (v, o, x) => { const n = x * 8388608; v.setUint16(o, n & 0xffff, true); v.setInt8(o + 2, n >> 16); }, 3)],
    ['pcm-s32', fmt(1, 1, 8000, 32), le(pcm, (v, o, x) => v.setInt32(o, x * 2147483648, true), 4)],
    ['float32', fmt(3, 1, 8000, 32), le(pcm, (v, o, x) => v.setFloat32(o, x, true), 4)],
    ['float64', fmt(3, 1, 8000, 64), le(pcm, (v, o, x) => v.setFloat64(o, x, true), 8)],
    ['pcm-s24', fmt(1, 1, 8000, 24, 1), le(pcm, (v, o, x) => { const n = x * 8388608; v.setUint16(o, n & 0xffff, true); v.setInt8(o + 2, n >> 16); }, 3)],
    ['float32', fmt(3, 1, 8000, 32, 3), le(pcm, (v, o, x) => v.setFloat32(o, x, true), 4)],
  ];
  it.each(cases)('decodes %s (plain and WAVE_FORMAT_EXTENSIBLE)', (format, fmtChunk, bytes) => {
    const wav = decodeWav(riff([fmtChunk, data(bytes)]), 'x.wav');
    expect(wav.format).toBe(format);
    expect([...wav.samples]).toEqual(pcm);
    expect(wav.durationSec).toBeCloseTo(4 / 8000, 12);
  });

  it('downmixes stereo by averaging channels', () => {
    const interleaved = le([0.5, -0.25, 1, 1], (v, o, x) => v.setFloat32(o, x, true), 4);
    const wav = decodeWav(riff([fmt(3, 2, 48000, 32), data(interleaved)]), 'st.wav');
    expect(wav.channels).toBe(2);
    expect([...wav.samples]).toEqual([0.125, 1]);
  });

  it('skips an odd-sized chunk (with its pad byte) and a LIST chunk before the data', () => {
    const bytes = riff([
      { id: 'junk', body: Uint8Array.from([1, 2, 3]) },
      fmt(1, 1, 16000, 16),
      { id: 'LIST', body: Uint8Array.from([...'INFOISFT'].map((c) => c.charCodeAt(0)).concat([5, 0, 0, 0, 97, 98, 99, 100, 0])) },
      data(le([0.25], (v, o, x) => v.setInt16(o, x * 32768, true), 2)),
    ]);
    expect([...decodeWav(bytes, 'odd.wav').samples]).toEqual([0.25]);
  });

  it('reads a WAV written to a pipe (data size 0xFFFFFFFF or 0) to the end of the file, not as truncated', () => {
    const body = le([0.5, 0.25, -0.25], (v, o, x) => v.setInt16(o, x * 32768, true), 2);
    for (const declared of [0xffffffff, 0]) {
      const bytes = riff([fmt(1, 1, 16000, 16), data(body, declared)]);
      new DataView(bytes.buffer).setUint32(4, declared, true); // the RIFF size is unknown too
      const wav = decodeWav(bytes, 'pipe.wav');
      expect(wav.truncated, `declared ${declared}`).toBe(false);
      expect([...wav.samples]).toEqual([0.5, 0.25, -0.25]);
    }
  });

  it('decodes what exists of a data chunk that overruns the file and flags it as truncated', () => {
    const body = le([0.5, 0.25, -0.25], (v, o, x) => v.setInt16(o, x * 32768, true), 2);
    const wav = decodeWav(riff([fmt(1, 1, 16000, 16), data([...body, 7], 1000)]), 'cut.wav'); // 7 bytes: 3 whole samples
    expect(wav.truncated).toBe(true);
    expect([...wav.samples]).toEqual([0.5, 0.25, -0.25]);
    expect(decodeWav(encodeWav16(new Float32Array(3), 16000), 'ok.wav').truncated).toBe(false);
  });

  const s16 = data([0, 0]);
  const bad: [string, () => Uint8Array, RegExp][] = [
    ['an Ogg file', () => Uint8Array.from([...'OggS'].map((c) => c.charCodeAt(0)).concat(Array(40).fill(0))), /bad\.wav: not a RIFF\/WAVE file; convert it with: ffmpeg/],
    ['a RIFF that is not WAVE', () => riff([s16], 'AVI '), /bad\.wav: not a RIFF\/WAVE file/],
    ['a tiny file', () => Uint8Array.from([82, 73]), /bad\.wav: not a RIFF\/WAVE file/],
    ['no fmt chunk', () => riff([s16]), /bad\.wav: no "fmt " chunk/],
    ['no data chunk', () => riff([fmt(1, 1, 16000, 16)]), /bad\.wav: no "data" chunk/],
    ['A-law', () => riff([fmt(6, 1, 8000, 8), s16]), /bad\.wav: unsupported codec A-law \(format tag 0x0006\).*ffmpeg -i/],
    ['MP3 in WAV', () => riff([fmt(0x55, 1, 44100, 0), s16]), /bad\.wav: unsupported codec MP3 \(format tag 0x0055\).*ffmpeg/],
    ['an unknown tag', () => riff([fmt(0x1234, 1, 8000, 16), s16]), /unsupported format tag 0x1234/],
    ['12-bit PCM', () => riff([fmt(1, 1, 8000, 12), s16]), /unsupported 12-bit PCM; supported: PCM 8\/16\/24\/32-bit/],
    ['zero channels', () => riff([fmt(1, 0, 8000, 16), s16]), /bad\.wav: fmt chunk declares 0 channels/],
    ['zero sample rate', () => riff([fmt(1, 1, 0, 16), s16]), /bad\.wav: fmt chunk declares a sample rate of 0/],
    ['empty audio', () => riff([fmt(1, 1, 16000, 16), data([])]), /bad\.wav: the data chunk holds no complete sample frame \(empty audio\)/],
    ['a short fmt chunk', () => riff([{ id: 'fmt ', body: new Uint8Array(8) }, s16]), /bad\.wav: fmt chunk is 8 bytes/],
  ];
  it.each(bad)('rejects %s with a message naming the file and the fix', (_name, make, message) => {
    expect(() => decodeWav(make(), 'bad.wav')).toThrow(message);
  });
});
