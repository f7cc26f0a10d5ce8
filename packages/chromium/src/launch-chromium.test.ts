import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { launchChromium } from './launch-chromium.ts';

describe('launchChromium (real headless Chromium)', () => {
  it('runs a page and removes its profile on close', async () => {
    const chromium = await launchChromium();
    try {
      expect(existsSync(chromium.userDataDir)).toBe(true);
      const page = await chromium.browser.newPage();
      await page.setContent('<p id="x">hello</p>');
      expect(await page.$eval('#x', (el) => el.textContent)).toBe('hello');
      const args = await page.evaluate(() => navigator.userAgent);
      expect(args).toMatch(/HeadlessChrome|Chrome/);
    } finally {
      await chromium.close();
    }
    expect(existsSync(chromium.userDataDir)).toBe(false);
    await chromium.close(); // idempotent
  }, 60_000);

  it('reports a bad executable with its path and leaves no profile behind', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'chromium-fail-'));
    try {
      await expect(launchChromium({ executablePath: '/bin/false', timeoutMs: 10_000, tempDir: parent })).rejects.toThrow(
        /could not launch Chromium at \/bin\/false/,
      );
      expect(readdirSync(parent)).toEqual([]);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  }, 30_000);

  it('exposes a SwiftShader WebGPU adapter only when WebGPU is requested', async () => {
    // WebGPU needs a secure context; http://127.0.0.1 counts, about:blank does not.
    const server = createServer((_req, res) => res.end('<p>gpu</p>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const probe = async (webgpu: boolean) => {
      const chromium = await launchChromium({ webgpu });
      try {
        const page = await chromium.browser.newPage();
        await page.goto(url);
        return await page.evaluate(async () => {
          const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info?: { architecture?: string } } | null> } }).gpu;
          const adapter = await gpu?.requestAdapter();
          return adapter ? (adapter.info?.architecture ?? 'unknown') : 'none';
        });
      } finally {
        await chromium.close();
      }
    };
    try {
      expect(await probe(true)).toBe('swiftshader');
      expect(await probe(false)).toBe('none');
    } finally {
      server.close();
    }
  }, 60_000);
});
