import { describe, expect, it } from 'vitest';
import { normalizeEtag, sha256FromEtag } from './etag.ts';

const SHA = 'a'.repeat(32) + '0123456789ABCDEF0123456789abcdef';

describe('etags', () => {
  it('normalises weak and quoted etags like huggingface_hub', () => {
    expect(normalizeEtag('W/"abc"')).toBe('abc');
    expect(normalizeEtag('"abc"')).toBe('abc');
    expect(normalizeEtag(undefined)).toBeUndefined();
    expect(normalizeEtag('""')).toBeUndefined();
  });

  it('treats only a 64-hex etag as a sha256', () => {
    expect(sha256FromEtag(`"${SHA}"`)).toBe(SHA.toLowerCase());
    expect(sha256FromEtag('"' + 'b'.repeat(40) + '"')).toBeUndefined(); // git blob sha1
    expect(sha256FromEtag('"' + 'g'.repeat(64) + '"')).toBeUndefined();
    expect(sha256FromEtag(null)).toBeUndefined();
  });
});
