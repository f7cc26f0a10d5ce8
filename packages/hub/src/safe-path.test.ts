import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hubFilePath } from './safe-path.ts';

describe('hubFilePath', () => {
  const root = resolve('/tmp/models/repo');

  it('keeps hub paths under the root and refuses others naming the file and the root', () => {
    expect(hubFilePath(root, 'sharded/encoder-model.onnx.data.000')).toBe(join(root, 'sharded', 'encoder-model.onnx.data.000'));
    for (const name of ['../evil', '/etc/passwd', 'a\\..\\evil', '', './a']) {
      expect(() => hubFilePath(root, name)).toThrow(`refusing file name ${JSON.stringify(name)} for ${root}`);
    }
    expect(() => hubFilePath(root, '../evil')).toThrow(/'\.\.' segment; hub paths must be relative/);
  });
});
