import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanOnnx } from './onnx-scan.ts';
import { testOnnxBytes } from '../test/onnx-test-bytes.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'onnx-scan-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('scanOnnx', () => {
  it('lists external-data locations as written (once each) and counts float16 initializers', async () => {
    const path = join(dir, 'm.onnx');
    await writeFile(
      path,
      testOnnxBytes([
        { name: 'a', dataType: 1, location: 'encoder-model.onnx.data.000' },
        { name: 'b', dataType: 1, location: 'encoder-model.onnx.data.001' },
        { name: 'c', dataType: 1, location: 'encoder-model.onnx.data.000' },
        { name: 'd', dataType: 10, raw: new Uint8Array(200_000) },
      ]),
    );
    expect(await scanOnnx(path)).toEqual({
      externalLocations: ['encoder-model.onnx.data.000', 'encoder-model.onnx.data.001'],
      float16Initializers: 1,
      initializers: 4,
    });
  });

  it('skips large raw_data without reading it and finds fields after it', async () => {
    const path = join(dir, 'big.onnx');
    await writeFile(path, testOnnxBytes([{ name: 'w', dataType: 1, raw: new Uint8Array(3_000_000) }, { name: 'x', dataType: 1, location: 'x.bin' }]));
    expect((await scanOnnx(path)).externalLocations).toEqual(['x.bin']);
  });

  it('names the file for truncated, non-ONNX and missing files', async () => {
    const full = testOnnxBytes([{ name: 'w', dataType: 1, raw: new Uint8Array(1000) }]);
    const cut = join(dir, 'cut.onnx');
    await writeFile(cut, full.subarray(0, 500));
    await expect(scanOnnx(cut)).rejects.toThrow(/cut\.onnx: .*truncated/);
    const junk = join(dir, 'junk.onnx');
    await writeFile(junk, 'hello, not a model');
    await expect(scanOnnx(junk)).rejects.toThrow(/junk\.onnx: /);
    const empty = join(dir, 'empty.onnx');
    await writeFile(empty, '');
    await expect(scanOnnx(empty)).rejects.toThrow(/empty\.onnx: no graph in this file; it is not an ONNX model/);
    await expect(scanOnnx(join(dir, 'nope.onnx'))).rejects.toThrow(/nope\.onnx: cannot open ONNX file/);
  });
});
