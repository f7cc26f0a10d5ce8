/**
 * Reads what the browser runner must know about an ONNX file without loading its weights: the
 * external-data locations exactly as written in the graph (onnxruntime-web matches
 * `externalData[].path` against them byte for byte) and whether any initializer is float16.
 * Large fields are skipped by seeking, so a 2 GB graph costs a few header reads, not 2 GB of RAM.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

/** What {@link scanOnnx} found in one graph file. */
export interface OnnxScan {
  /** Distinct external-data `location` strings, in first-seen order. */
  readonly externalLocations: readonly string[];
  /** Initializers stored as float16 (ONNX data_type 10). */
  readonly float16Initializers: number;
  readonly initializers: number;
}

// Field numbers from onnx.proto: ModelProto.graph, GraphProto.initializer, TensorProto fields.
const MODEL_GRAPH = 7;
const GRAPH_INITIALIZER = 5;
const TENSOR_DATA_TYPE = 2;
const TENSOR_EXTERNAL_DATA = 13;
const ENTRY_KEY = 1;
const ENTRY_VALUE = 2;
const FLOAT16 = 10;

const WINDOW = 64 * 1024;

/** Sequential reader over a file with a small read-ahead window; `skip` just moves the cursor. */
class FileCursor {
  private buf = new Uint8Array(0);
  private bufStart = 0;
  pos = 0;
  constructor(private readonly fh: FileHandle, readonly size: number, readonly path: string) {}

  private async fill(): Promise<void> {
    this.buf = new Uint8Array(WINDOW);
    const { bytesRead } = await this.fh.read(this.buf, 0, WINDOW, this.pos);
    this.buf = this.buf.subarray(0, bytesRead);
    this.bufStart = this.pos;
  }

  async byte(): Promise<number> {
    if (this.pos >= this.size) throw new Error(`${this.path}: unexpected end of file at byte ${this.pos}; the ONNX file is truncated`);
    if (this.pos < this.bufStart || this.pos >= this.bufStart + this.buf.length) await this.fill();
    return this.buf[this.pos++ - this.bufStart]!;
  }

  async varint(): Promise<number> {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = await this.byte();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    throw new Error(`${this.path}: malformed varint at byte ${this.pos}; not an ONNX (protobuf) file`);
  }

  async bytes(n: number): Promise<Uint8Array> {
    if (this.pos + n > this.size) throw new Error(`${this.path}: field of ${n} bytes runs past the end of the file; the ONNX file is truncated`);
    const out = new Uint8Array(n);
    await this.fh.read(out, 0, n, this.pos);
    this.pos += n;
    return out;
  }

  skip(n: number): void {
    if (this.pos + n > this.size) throw new Error(`${this.path}: field of ${n} bytes runs past the end of the file; the ONNX file is truncated`);
    this.pos += n;
  }
}

/** Calls `onField` for each field in [cursor.pos, end); unread payloads are skipped. */
async function fields(
  c: FileCursor,
  end: number,
  onField: (field: number, wire: number, len: number) => Promise<boolean>,
): Promise<void> {
  while (c.pos < end) {
    const tag = await c.varint();
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (wire === 0) {
      const v = await c.varint();
      await onField(field, wire, v);
    } else if (wire === 1) c.skip(8);
    else if (wire === 5) c.skip(4);
    else if (wire === 2) {
      const len = await c.varint();
      const start = c.pos;
      if (start + len > end) {
        throw new Error(`${c.path}: a field of ${len} bytes at byte ${start} runs past its message (ends at ${end}); the ONNX file is truncated or corrupt`);
      }
      const consumed = await onField(field, wire, len);
      // Whatever the callback read, continue right after this field.
      if (!consumed || c.pos !== start + len) c.pos = start + len;
    } else {
      throw new Error(`${c.path}: unsupported protobuf wire type ${wire} at byte ${c.pos}; not an ONNX file`);
    }
  }
}

const decoder = new TextDecoder();

async function entry(c: FileCursor, end: number): Promise<{ key: string; value: string }> {
  let key = '';
  let value = '';
  await fields(c, end, async (f, wire, len) => {
    if (wire !== 2 || (f !== ENTRY_KEY && f !== ENTRY_VALUE)) return false;
    const s = decoder.decode(await c.bytes(len));
    if (f === ENTRY_KEY) key = s;
    else value = s;
    return true;
  });
  return { key, value };
}

/** Scans one ONNX model file; errors name the file and say it is not (or no longer) a valid model. */
export async function scanOnnx(path: string): Promise<OnnxScan> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw new Error(`${path}: cannot open ONNX file (${(e as Error).message})`);
  }
  try {
    const c = new FileCursor(fh, (await fh.stat()).size, path);
    const locations: string[] = [];
    let initializers = 0;
    let float16Initializers = 0;
    let sawGraph = false;
    await fields(c, c.size, async (f, wire, len) => {
      if (f !== MODEL_GRAPH || wire !== 2) return false;
      sawGraph = true;
      await fields(c, c.pos + len, async (gf, gwire, glen) => {
        if (gf !== GRAPH_INITIALIZER || gwire !== 2) return false;
        initializers++;
        await fields(c, c.pos + glen, async (tf, twire, tval) => {
          if (tf === TENSOR_DATA_TYPE && twire === 0 && tval === FLOAT16) float16Initializers++;
          if (tf !== TENSOR_EXTERNAL_DATA || twire !== 2) return false;
          const { key, value } = await entry(c, c.pos + tval);
          if (key === 'location' && !locations.includes(value)) locations.push(value);
          return true;
        });
        return true;
      });
      return true;
    });
    if (!sawGraph) throw new Error(`${path}: no graph in this file; it is not an ONNX model`);
    return { externalLocations: locations, float16Initializers, initializers };
  } finally {
    await fh.close();
  }
}
