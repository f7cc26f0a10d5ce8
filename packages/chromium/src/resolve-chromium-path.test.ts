import { describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM_PATH, resolveChromiumPath } from './resolve-chromium-path.ts';

const only = (...paths: string[]) => (p: string) => paths.includes(p);

describe('resolveChromiumPath', () => {
  it('prefers CHROME_PATH when it exists', () => {
    expect(resolveChromiumPath({ CHROME_PATH: '/opt/chrome' }, { exists: only('/opt/chrome', DEFAULT_CHROMIUM_PATH) })).toBe(
      '/opt/chrome',
    );
  });

  it('names a missing CHROME_PATH instead of silently falling back', () => {
    expect(() =>
      resolveChromiumPath({ CHROME_PATH: '/nope/chrome' }, { exists: only(DEFAULT_CHROMIUM_PATH) }),
    ).toThrow(/CHROME_PATH=\/nope\/chrome does not exist.*unset it/);
  });

  it('falls back to /usr/bin/chromium when CHROME_PATH is unset or empty', () => {
    expect(resolveChromiumPath({}, { exists: only(DEFAULT_CHROMIUM_PATH) })).toBe('/usr/bin/chromium');
    expect(resolveChromiumPath({ CHROME_PATH: '' }, { exists: only(DEFAULT_CHROMIUM_PATH) })).toBe('/usr/bin/chromium');
  });

  it('names both places and the fix when nothing is found', () => {
    const err = (() => {
      try {
        resolveChromiumPath({}, { exists: only() });
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(err).toContain('CHROME_PATH is not set');
    expect(err).toContain('/usr/bin/chromium does not exist');
    expect(err).toContain('apt-get install chromium');
  });

  it('checks the real filesystem by default', () => {
    expect(() => resolveChromiumPath({ CHROME_PATH: '/definitely/not/here' })).toThrow(/definitely\/not\/here/);
  });
});
