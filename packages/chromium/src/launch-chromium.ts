/**
 * Starts headless Chromium through puppeteer-core with a throwaway profile, for the dashboard tests
 * and the browser runner.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { chromiumArgs } from './chromium-args.ts';
import { resolveChromiumPath } from './resolve-chromium-path.ts';

/** Options for {@link launchChromium}. */
export interface LaunchChromiumOptions {
  /** Binary to run; defaults to {@link resolveChromiumPath} of `env`. */
  readonly executablePath?: string;
  /** Environment used for CHROME_PATH resolution (defaults to `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Enable headless WebGPU via SwiftShader instead of `--disable-gpu`. */
  readonly webgpu?: boolean;
  /** Extra Chromium flags, appended last. */
  readonly extraArgs?: readonly string[];
  /** Launch timeout in ms (puppeteer's default is 30 s). */
  readonly timeoutMs?: number;
  /** Parent of the throwaway profile directory (defaults to the OS temp dir). */
  readonly tempDir?: string;
}

/** A running browser plus the profile directory that {@link LaunchedChromium.close} deletes. */
export interface LaunchedChromium {
  readonly browser: Browser;
  readonly executablePath: string;
  readonly userDataDir: string;
  /** Closes the browser and removes its profile; safe to call twice. */
  close(): Promise<void>;
}

/** Launches headless Chromium with quiet flags and a fresh temp `--user-data-dir`. */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<LaunchedChromium> {
  const executablePath = options.executablePath ?? resolveChromiumPath(options.env ?? process.env);
  const userDataDir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'parakeet-chromium-'));
  const args = chromiumArgs({
    userDataDir,
    ...(options.webgpu !== undefined && { webgpu: options.webgpu }),
    ...(options.extraArgs !== undefined && { extraArgs: options.extraArgs }),
  });
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args,
      ...(options.timeoutMs !== undefined && { timeout: options.timeoutMs }),
    });
  } catch (e) {
    await rm(userDataDir, { recursive: true, force: true });
    throw new Error(`could not launch Chromium at ${executablePath}: ${(e as Error).message}`);
  }
  let closed = false;
  return {
    browser,
    executablePath,
    userDataDir,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await browser.close();
      } finally {
        await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
}

/** Puppeteer types callers need, so they do not depend on puppeteer-core directly. */
export type { Browser, Page, HTTPRequest } from 'puppeteer-core';
