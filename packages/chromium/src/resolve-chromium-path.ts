/**
 * Finds the Chromium binary to drive. Puppeteer's own browser download cannot run on the build
 * machines (no network beyond package registries), so we always use a system or user-supplied binary.
 */
import { existsSync } from 'node:fs';

/** Where Debian's `chromium` package installs the browser. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** What {@link resolveChromiumPath} reads; injectable so tests need not touch the real filesystem. */
export interface ResolveChromiumOptions {
  /** Path checked when CHROME_PATH is unset (defaults to {@link DEFAULT_CHROMIUM_PATH}). */
  readonly defaultPath?: string;
  /** Existence check (defaults to `fs.existsSync`). */
  readonly exists?: (path: string) => boolean;
}

/**
 * Returns CHROME_PATH when set, else the Debian default; throws an error naming what was tried and
 * how to fix it, because a silent fallback would hide a mistyped CHROME_PATH.
 */
export function resolveChromiumPath(
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: ResolveChromiumOptions = {},
): string {
  const exists = options.exists ?? existsSync;
  const defaultPath = options.defaultPath ?? DEFAULT_CHROMIUM_PATH;
  const fromEnv = env['CHROME_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!exists(fromEnv)) {
      throw new Error(
        `CHROME_PATH=${fromEnv} does not exist; point CHROME_PATH at a Chromium/Chrome binary or unset it to use ${defaultPath}`,
      );
    }
    return fromEnv;
  }
  if (exists(defaultPath)) return defaultPath;
  throw new Error(
    `no Chromium found: CHROME_PATH is not set and ${defaultPath} does not exist; ` +
      'install it with `apt-get install chromium` or set CHROME_PATH to a Chromium/Chrome binary',
  );
}
