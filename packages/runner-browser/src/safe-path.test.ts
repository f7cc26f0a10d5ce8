import { describe, expect, it } from 'vitest';
import { resolveUnderRoot } from './safe-path.ts';

describe('resolveUnderRoot', () => {
  it('maps nested, percent-encoded names inside the root', () => {
    expect(resolveUnderRoot('/srv/m', 'sharded/encoder-model.onnx.data.000')).toEqual({ ok: true, path: '/srv/m/sharded/encoder-model.onnx.data.000' });
    expect(resolveUnderRoot('/srv/m', 'a%20b.txt')).toEqual({ ok: true, path: '/srv/m/a b.txt' });
  });

  it.each([
    ['../etc/passwd', "'..' segment"],
    ['a/../../x', "'..' segment"],
    ['%2e%2e/x', "'..' segment"],
    ['%2E%2E%2Fetc%2Fpasswd', 'encoded separator'],
    ['a%2f..%2f..%2fx', 'encoded separator'],
    ['a%5c..%5cx', 'encoded separator'],
    ['/etc/passwd', 'it is absolute'],
    ['%2fetc/passwd', 'encoded separator'],
    ['a\\..\\x', 'backslash'],
    ['a//b', "empty or '.' segment"],
    ['./a', "empty or '.' segment"],
    ['%00', 'NUL'],
    ['%zz', 'malformed percent-encoding'],
  ])('refuses %s', (rel, reason) => {
    const r = resolveUnderRoot('/srv/m', rel);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain(reason);
  });
});
