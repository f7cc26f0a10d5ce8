/**
 * RIFF/WAVE decoder for benchmark inputs: PCM 8/16/24/32-bit, IEEE float 32/64, plain or
 * WAVE_FORMAT_EXTENSIBLE, any chunk order (LIST/fact/... skipped, odd sizes padded).
 * Pure TypeScript over a Uint8Array so it runs in Node and browsers alike.
 */

/** Sample encodings this decoder understands. */
export type WavSampleFormat = 'pcm-u8' | 'pcm-s16' | 'pcm-s24' | 'pcm-s32' | 'float32' | 'float64';

/** A decoded WAV file, downmixed to mono. */
export interface DecodedWav {
  sampleRate: number;
  /** Channel count of the file (samples are already averaged to mono). */
  channels: number;
  samples: Float32Array;
  durationSec: number;
  format: WavSampleFormat;
  /** The data chunk declared more bytes than the file holds (cut-off recording); what exists was decoded. */
  truncated: boolean;
}

const FORMAT_PCM = 0x0001;
const FORMAT_FLOAT = 0x0003;
const FORMAT_EXTENSIBLE = 0xfffe;

/** Names for codecs people actually meet in .wav files, for the error message. */
const KNOWN_CODECS: Record<number, string> = {
  0x0002: 'Microsoft ADPCM',
  0x0006: 'A-law',
  0x0007: 'mu-law',
  0x0011: 'IMA ADPCM',
  0x0031: 'GSM 6.10',
  0x0050: 'MPEG',
  0x0055: 'MP3',
  0x0161: 'WMA',
  0x2000: 'AC-3',
};

type SampleReader = (view: DataView, offset: number) => number;

/** (format tag, bits) -> reader. 8-bit WAV is unsigned, everything wider is signed little-endian. */
const READERS: Record<string, { format: WavSampleFormat; read: SampleReader }> = {
  [`${FORMAT_PCM}/8`]: { format: 'pcm-u8', read: (v, o) => (v.getUint8(o) - 128) / 128 },
  [`${FORMAT_PCM}/16`]: { format: 'pcm-s16', read: (v, o) => v.getInt16(o, true) / 32768 },
  [`${FORMAT_PCM}/24`]: {
    format: 'pcm-s24',
    read: (v, o) => ((v.getUint8(o) | (v.getUint8(o + 1) << 8) | (v.getInt8(o + 2) << 16)) / 8388608),
  },
  [`${FORMAT_PCM}/32`]: { format: 'pcm-s32', read: (v, o) => v.getInt32(o, true) / 2147483648 },
  [`${FORMAT_FLOAT}/32`]: { format: 'float32', read: (v, o) => v.getFloat32(o, true) },
  [`${FORMAT_FLOAT}/64`]: { format: 'float64', read: (v, o) => v.getFloat64(o, true) },
};

const CONVERT_HINT = 'convert it with: ffmpeg -i <in> -ac 1 -ar 16000 -c:a pcm_s16le <out>.wav';

interface FmtChunk {
  formatTag: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  bitsPerSample: number;
}

function ascii(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}

function parseFmt(view: DataView, offset: number, size: number, source: string): FmtChunk {
  if (size < 16) throw new Error(`${source}: fmt chunk is ${size} bytes, expected at least 16; the file is corrupt, ${CONVERT_HINT}`);
  let formatTag = view.getUint16(offset, true);
  // WAVE_FORMAT_EXTENSIBLE keeps the real format code in the first 2 bytes of its SubFormat GUID.
  if (formatTag === FORMAT_EXTENSIBLE) {
    if (size < 40) throw new Error(`${source}: WAVE_FORMAT_EXTENSIBLE fmt chunk is ${size} bytes, expected 40; ${CONVERT_HINT}`);
    formatTag = view.getUint16(offset + 24, true);
  }
  return {
    formatTag,
    channels: view.getUint16(offset + 2, true),
    sampleRate: view.getUint32(offset + 4, true),
    blockAlign: view.getUint16(offset + 12, true),
    bitsPerSample: view.getUint16(offset + 14, true),
  };
}

/** The chunk size a streaming writer leaves when it cannot seek back (RIFF and data chunks). */
const STREAMED_SIZE = 0xffffffff;

/** Decodes a WAV file to mono float samples; `source` (e.g. the path) is named in every error. */
export function decodeWav(bytes: Uint8Array, source: string): DecodedWav {
  if (bytes.length < 12 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') {
    const head = bytes.length >= 4 ? ascii(bytes, 0) : '';
    const why = head === 'RF64' ? 'RF64 (>4 GB WAV) is not supported' : 'not a RIFF/WAVE file';
    throw new Error(`${source}: ${why}; ${CONVERT_HINT}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt: FmtChunk | undefined;
  let data: { offset: number; size: number } | undefined;
  let truncated = false;
  for (let pos = 12; pos + 8 <= bytes.length; ) {
    const id = ascii(bytes, pos);
    let size = view.getUint32(pos + 4, true);
    const body = pos + 8;
    if (id === 'fmt ') fmt = parseFmt(view, body, Math.min(size, bytes.length - body), source);
    if (id === 'data' && data === undefined) {
      const available = bytes.length - body;
      // A WAV written to a pipe (ffmpeg ... -f wav -) cannot seek back to fill in sizes: its data
      // chunk says 0xFFFFFFFF or 0 and runs to the end of the file.
      if (size === STREAMED_SIZE || (size === 0 && available > 0)) size = available;
      truncated = size > available;
      data = { offset: body, size: Math.min(size, available) };
    }
    if (body + size > bytes.length) break;
    pos = body + size + (size & 1); // RIFF pads odd-sized chunks to an even boundary
  }
  if (fmt === undefined) throw new Error(`${source}: no "fmt " chunk, so the sample format is unknown; ${CONVERT_HINT}`);
  if (data === undefined) throw new Error(`${source}: no "data" chunk (no audio); ${CONVERT_HINT}`);
  if (fmt.channels === 0) throw new Error(`${source}: fmt chunk declares 0 channels; the header is corrupt, ${CONVERT_HINT}`);
  if (fmt.sampleRate === 0) throw new Error(`${source}: fmt chunk declares a sample rate of 0; the header is corrupt, ${CONVERT_HINT}`);
  const reader = READERS[`${fmt.formatTag}/${fmt.bitsPerSample}`];
  if (reader === undefined) {
    const tag = `0x${fmt.formatTag.toString(16).padStart(4, '0')}`;
    const codec = KNOWN_CODECS[fmt.formatTag];
    const what = codec
      ? `codec ${codec} (format tag ${tag})`
      : fmt.formatTag === FORMAT_PCM || fmt.formatTag === FORMAT_FLOAT
        ? `${fmt.bitsPerSample}-bit ${fmt.formatTag === FORMAT_PCM ? 'PCM' : 'float'}`
        : `format tag ${tag}`;
    throw new Error(`${source}: unsupported ${what}; supported: PCM 8/16/24/32-bit and float 32/64; ${CONVERT_HINT}`);
  }
  const bytesPerSample = fmt.bitsPerSample / 8;
  const channels = fmt.channels;
  const frameBytes = Math.max(fmt.blockAlign, channels * bytesPerSample);
  const frames = Math.floor(data.size / frameBytes);
  if (frames === 0) throw new Error(`${source}: the data chunk holds no complete sample frame (empty audio); record or export the audio again`);
  const samples = new Float32Array(frames);
  const read = reader.read;
  const scale = 1 / channels;
  for (let f = 0; f < frames; f++) {
    const base = data.offset + f * frameBytes;
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += read(view, base + c * bytesPerSample);
    samples[f] = sum * scale;
  }
  return { sampleRate: fmt.sampleRate, channels, samples, durationSec: frames / fmt.sampleRate, format: reader.format, truncated };
}
