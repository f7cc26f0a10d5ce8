import { describe, expect, it } from 'vitest';
import { ModelFileError, modelFilePath, sessionLoadError } from './load-errors.ts';

describe('modelFilePath', () => {
  it('joins a URL prefix or a directory with exactly one slash', () => {
    expect(modelFilePath('/model/', 'sharded/encoder-model.onnx')).toBe('/model/sharded/encoder-model.onnx');
    expect(modelFilePath('/data/m', 'vocab.txt')).toBe('/data/m/vocab.txt');
    expect(modelFilePath('/data/m//', '/vocab.txt')).toBe('/data/m/vocab.txt');
  });
});

describe('sessionLoadError names the failing file and the actual cause', () => {
  const graph = '/m/sharded/encoder-model.onnx';

  it('a file the source could not read: that file first, then the graph it belongs to', () => {
    const e = sessionLoadError(graph, new ModelFileError('/m/sharded/encoder-model.onnx.data.000', 'fetch failed (TypeError: Failed to fetch)'));
    expect(e.message).toBe('/m/sharded/encoder-model.onnx.data.000: fetch failed (TypeError: Failed to fetch) (external data of /m/sharded/encoder-model.onnx)');
    expect(e.message).not.toMatch(/corrupt/);
    expect(sessionLoadError(graph, new ModelFileError(graph, 'HTTP 404')).message).toBe(`${graph}: HTTP 404`);
  });

  it('a protobuf parse failure (onnxruntime-node and -web wording) is called corrupt or truncated', () => {
    for (const m of ['Load model from x failed:Protobuf parsing failed.', "Can't create a session. ERROR_CODE: 7, ERROR_MESSAGE: Failed to load model because protobuf parsing failed."]) {
      expect(sessionLoadError(graph, new Error(m)).message).toMatch(/^\/m\/sharded\/encoder-model\.onnx: cannot load ONNX graph \(protobuf parse error: .*\); the file is corrupt or truncated: fetch it again$/);
    }
  });

  it('external data that does not match the graph points at the data files, anything else is not called corrupt', () => {
    const ext = sessionLoadError(graph, new Error('Deserialize tensor proj.weight failed.tensorprotoutils.cc:1763 GetExtDataFromTensorProto External initializer: proj.weight offset: 69632 size to read: 4608 given file_length: 100 are out of bounds'));
    expect(ext.message).toMatch(/external-data file it names is missing, truncated or from another export/);
    const oom = sessionLoadError(graph, new Error("Can't create a session. failed to allocate a buffer of size 2300000000.\nstack"));
    expect(oom.message).toBe(`${graph}: cannot load ONNX graph (Can't create a session. failed to allocate a buffer of size 2300000000.)`);
  });
});
