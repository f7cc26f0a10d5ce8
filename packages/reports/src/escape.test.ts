import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, scriptSafe } from './escape.ts';

describe('escaping', () => {
  it('escapes HTML metacharacters', () => {
    expect(escapeHtml(`</script><img src=x onerror="a('b')">&`)).toBe(
      '&lt;/script&gt;&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;',
    );
  });

  it('serialises JSON that round-trips and cannot close a script element', () => {
    const value = { label: '</script><script>alert(1)</script><!--', sep: 'a\u2028b\u2029c' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('neutralises a literal </script in inlined library source', () => {
    expect(scriptSafe('var s = "</SCRIPT>";')).toBe('var s = "<\\/SCRIPT>";');
  });
});
