/**
 * Hand-encoded ONNX ModelProto bytes for tests: just enough (graph, initializers with data_type and
 * external_data) to exercise {@link scanOnnx} and the browser limits without a model generator.
 */

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) b |= 0x80;
    out.push(b);
  } while (v > 0);
  return out;
}

function len(field: number, payload: Uint8Array): Uint8Array {
  return Uint8Array.from([...varint(field * 8 + 2), ...varint(payload.length), ...payload]);
}

function num(field: number, value: number): Uint8Array {
  return Uint8Array.from([...varint(field * 8), ...varint(value)]);
}

function cat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** One initializer: inline raw bytes, or stored in an external file at `location`. */
export interface TestInitializer {
  readonly name: string;
  /** ONNX data_type: 1 float32, 10 float16. */
  readonly dataType: number;
  readonly raw?: Uint8Array;
  readonly location?: string;
}

/** Encodes a ModelProto (ir_version 8, one graph) holding the given initializers. */
export function testOnnxBytes(initializers: readonly TestInitializer[]): Uint8Array {
  const tensors = initializers.map((t) => {
    const ext = t.location
      ? cat(len(13, cat(len(1, text('location')), len(2, text(t.location)))), len(13, cat(len(1, text('offset')), len(2, text('0')))), num(14, 1))
      : new Uint8Array(0);
    return len(5, cat(num(1, 4), num(2, t.dataType), len(8, text(t.name)), t.raw ? len(9, t.raw) : new Uint8Array(0), ext));
  });
  const graph = cat(len(2, text('g')), ...tensors);
  return cat(num(1, 8), len(2, text('test')), len(7, graph), len(8, cat(len(1, text('')), num(2, 17))));
}
