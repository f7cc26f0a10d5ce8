/**
 * Launches a fresh headless Chromium on the benchmark page and drives the page's calls by start + poll.
 * A renderer crash, a browser exit or a call past its deadline rejects the pending call with the
 * reason, so the runner can record a failed result instead of hanging.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaunchedChromium, Page } from '@parakeet-bench/chromium';
import { launchChromium, resolveChromiumPath } from '@parakeet-bench/chromium';
import type { PageApi, PageCallName, PageCallState, PageCalls, PageEnvironment } from './page/page-protocol.ts';
import type { StaticServer } from './static-server.ts';

/** How to launch and drive the page. */
export interface BenchBrowserOptions {
  readonly webgpu: boolean;
  /** Browser binary (default: CHROME_PATH or /usr/bin/chromium). */
  readonly executablePath?: string;
  readonly extraArgs?: readonly string[];
  /** Deadline of each page call; absent = none (the sweep's per-config timeout still applies). */
  readonly callTimeoutMs?: number;
  /** Milliseconds between polls of a running call. */
  readonly pollMs?: number;
}

/** A browser with the benchmark page loaded. */
export interface BenchBrowser {
  readonly chromium: LaunchedChromium;
  readonly page: Page;
  /** Chromium's main process id. */
  readonly pid: number | undefined;
  environment(): Promise<PageEnvironment>;
  call<K extends PageCallName>(name: K, arg: Parameters<PageCalls[K]>[0]): Promise<Awaited<ReturnType<PageCalls[K]>>>;
  /**
   * Runs work on the browser from outside the page (reading its processes' memory): when the work
   * fails because the browser died, the error says that, not what the dead process looked like.
   */
  outside<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const SETPRIV = '/usr/bin/setpriv';
const EXPOSE_GC = '--js-flags=--expose-gc';

/**
 * A wrapper that execs Chromium with PR_SET_PDEATHSIG=KILL: when the worker process is killed (the
 * sweep's timeout sends SIGKILL, which runs no cleanup), the browser dies with it instead of
 * lingering with gigabytes of model in memory.
 */
async function deathSignalWrapper(executablePath: string): Promise<{ path: string; dir: string } | null> {
  if (!existsSync(SETPRIV)) return null;
  const dir = await mkdtemp(join(tmpdir(), 'parakeet-chromium-wrap-'));
  const path = join(dir, 'chromium');
  await writeFile(path, `#!/bin/sh\nexec ${SETPRIV} --pdeathsig KILL ${JSON.stringify(executablePath)} "$@"\n`);
  await chmod(path, 0o755);
  return { path, dir };
}

/** Launches Chromium, opens `server`'s page and waits for `window.parakeetBench`. */
export async function openBenchBrowser(server: StaticServer, options: BenchBrowserOptions): Promise<BenchBrowser> {
  const executablePath = options.executablePath ?? resolveChromiumPath();
  const wrapper = await deathSignalWrapper(executablePath);
  let chromium: LaunchedChromium;
  try {
    chromium = await launchChromium({
      executablePath: wrapper?.path ?? executablePath,
      webgpu: options.webgpu,
      // gc() lets the page free its copies of a model as soon as onnxruntime-web holds its own.
      extraArgs: [EXPOSE_GC, ...(options.extraArgs ?? [])],
    });
  } catch (e) {
    if (wrapper) await rm(wrapper.dir, { recursive: true, force: true });
    throw e;
  }
  const close = async (): Promise<void> => {
    await chromium.close().catch(() => undefined);
    chromium.browser.process()?.kill('SIGKILL');
    if (wrapper) await rm(wrapper.dir, { recursive: true, force: true });
  };
  let fatal: Error | null = null;
  let rejectFatal: (e: Error) => void = () => undefined;
  // Puppeteer leaves an evaluate on a crashed page pending forever, so every call races this.
  const fatalPromise = new Promise<never>((_, reject) => (rejectFatal = reject));
  fatalPromise.catch(() => undefined);
  const die = (e: Error): void => {
    fatal ??= e;
    rejectFatal(fatal);
  };
  const guard = <T>(p: Promise<T>): Promise<T> => Promise.race([p, fatalPromise]);
  const pageErrors: string[] = [];
  chromium.browser.on('disconnected', () => die(new Error('the browser exited or crashed (CDP connection closed)')));
  try {
    const [existing] = await chromium.browser.pages();
    const page = existing ?? (await chromium.browser.newPage());
    page.on('error', (e: Error) => die(new Error(`the page's renderer crashed (${e.message})`)));
    page.on('pageerror', (e: unknown) => pageErrors.push((e as Error).message ?? String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    try {
      await page.waitForFunction('globalThis.parakeetBench?.ready === true', { timeout: 30_000 });
    } catch {
      throw new Error(`benchmark page did not start within 30 s: ${pageErrors.join(' | ') || 'no page error reported'}`);
    }
    const pollMs = options.pollMs ?? 50;
    // A crash rejects the in-flight evaluate before puppeteer emits 'error'; give the event a moment
    // so the reason recorded is "renderer crashed", not a bare protocol error.
    const explain = async (e: unknown, what: string): Promise<Error> => {
      if (!fatal) await new Promise((r) => setTimeout(r, 250));
      return fatal ?? new Error(`lost the page during ${what} (${(e as Error).message})`);
    };
    const call = async (name: PageCallName, arg: unknown): Promise<unknown> => {
      const t0 = Date.now();
      let id: number;
      try {
        id = await guard(page.evaluate((n, a) => (globalThis as unknown as { parakeetBench: PageApi }).parakeetBench.start(n, a), name, arg as never));
      } catch (e) {
        throw await explain(e, name);
      }
      for (;;) {
        if (fatal) throw fatal;
        let state: PageCallState;
        try {
          state = await guard(page.evaluate((i) => (globalThis as unknown as { parakeetBench: PageApi }).parakeetBench.poll(i), id));
        } catch (e) {
          throw await explain(e, name);
        }
        if (state.state === 'done') return state.value;
        if (state.state === 'error') {
          const err = new Error(state.message);
          if (state.stack) err.stack = state.stack;
          throw err;
        }
        if (options.callTimeoutMs !== undefined && Date.now() - t0 > options.callTimeoutMs) {
          throw new Error(`page call ${name} timed out after ${options.callTimeoutMs} ms`);
        }
        await new Promise((r) => setTimeout(r, pollMs));
      }
    };
    return {
      chromium,
      page,
      pid: chromium.browser.process()?.pid,
      environment: async () => {
        try {
          return await guard(page.evaluate(() => (globalThis as unknown as { parakeetBench: PageApi }).parakeetBench.environment()));
        } catch (e) {
          throw await explain(e, 'environment');
        }
      },
      call: call as BenchBrowser['call'],
      async outside(fn) {
        try {
          return await guard(fn());
        } catch (e) {
          if (!fatal) await new Promise((r) => setTimeout(r, 250));
          throw fatal ?? e;
        }
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
