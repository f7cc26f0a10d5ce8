/**
 * Minimal ONNX ModelProto bytes for tests, written field by field with the fixture's ProtoWriter: just
 * enough (graph, initializers with data_type and external_data) to exercise {@link scanOnnx} and the
 * browser limits without generating a whole model.
 */
import { ProtoWriter } from '@parakeet-bench/fixture';

/** A StringStringEntryProto (external_data key/value). */
const entry = (key: string, value: string): ProtoWriter => new ProtoWriter().string(1, key).string(2, value);

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
  const graph = new ProtoWriter().string(2, 'g');
  for (const t of initializers) {
    // TensorProto: dims [4], data_type, name, raw_data, external_data + data_location EXTERNAL.
    const tensor = new ProtoWriter().varint(1, 4).varint(2, t.dataType).string(8, t.name);
    if (t.raw) tensor.bytes(9, t.raw);
    if (t.location) tensor.message(13, entry('location', t.location)).message(13, entry('offset', '0')).varint(14, 1);
    graph.message(5, tensor);
  }
  // ModelProto: ir_version 8, producer, graph, opset_import { domain '', version 17 }.
  const opset = new ProtoWriter().string(1, '').varint(2, 17);
  return new ProtoWriter().varint(1, 8).string(2, 'test').message(7, graph).message(8, opset).finish();
}
