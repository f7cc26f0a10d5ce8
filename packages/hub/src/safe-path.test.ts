import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confinedPath, unsafePathReason } from './safe-path.ts';

describe('confinedPath', () => {
  const root = resolve('/tmp/models/repo');

  it('keeps normal and nested repo paths under the root', () => {
    expect(confinedPath(root, 'config.json')).toBe(join(root, 'config.json'));
    expect(confinedPath(root, 'sharded/encoder-model.onnx.data.000')).toBe(join(root, 'sharded', 'encoder-model.onnx.data.000'));
    expect(confinedPath(root, 'a..b/c..onnx')).toBe(join(root, 'a..b', 'c..onnx'));
  });

  it.each([
    ['../evil', "'..' segment"],
    ['a/../../evil', "'..' segment"],
    ['..', "'..' segment"],
    ['/etc/passwd', 'absolute'],
    ['C:/Windows/evil', 'absolute'],
    ['a\\..\\evil', 'backslash'],
    ['nul\0byte', 'NUL'],
    ['', 'empty'],
    ['a//b', "empty or '.' segment"],
    ['./a', "empty or '.' segment"],
  ])('refuses %j (%s)', (name, why) => {
    expect(unsafePathReason(name)).toContain(why);
    expect(() => confinedPath(root, name)).toThrow(`refusing file name ${JSON.stringify(name)} for ${root}`);
  });
});
