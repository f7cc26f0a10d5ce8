import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confinedPath, resolveConfined, unsafeRelativePath } from './confined-path.ts';

describe('confinedPath', () => {
  const root = resolve('/tmp/models/repo');
  const refusal = (reason: string): string => `refused: ${reason}`;

  it('keeps normal and nested relative paths under the root', () => {
    expect(confinedPath(root, 'config.json', refusal)).toBe(join(root, 'config.json'));
    expect(confinedPath(root, 'sharded/encoder-model.onnx.data.000', refusal)).toBe(join(root, 'sharded', 'encoder-model.onnx.data.000'));
    expect(confinedPath(root, 'a..b/c..onnx', refusal)).toBe(join(root, 'a..b', 'c..onnx'));
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
    expect(unsafeRelativePath(name)).toContain(why);
    expect(() => confinedPath(root, name, refusal)).toThrow(`refused: ${unsafeRelativePath(name)}`);
    expect(resolveConfined(root, name)).toEqual({ ok: false, reason: unsafeRelativePath(name) });
  });

  it('lenient names (tar members) may carry ./ and empty segments but must name a file', () => {
    expect(unsafeRelativePath('dev/a.wav', { lenient: true })).toBeUndefined();
    expect(unsafeRelativePath('./dev/a.wav', { lenient: true })).toBeUndefined();
    expect(unsafeRelativePath('./', { lenient: true })).toBe('it names no file');
    expect(unsafeRelativePath('../x', { lenient: true })).toBe("it contains a '..' segment");
    expect(confinedPath('/r', './dev//a.wav', refusal, { lenient: true })).toBe(join('/r', 'dev', 'a.wav'));
  });
});
