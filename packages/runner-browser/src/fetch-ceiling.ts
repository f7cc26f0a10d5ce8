/**
 * Measures the ceiling behind {@link CHROMIUM_ARRAY_BUFFER_MAX_BYTES} in the benchmark page: synthetic
 * bodies of chosen sizes are read with `Response.arrayBuffer()`, the body reader every fetched file goes
 * through, in seconds and without a file or a network transfer.
 */
import type { BenchBrowser } from './bench-browser.ts';
import { openBenchBrowser } from './bench-browser.ts';
import { PAGE_HTML, PAGE_PATHS, buildPageBundle, ortWebDistDir } from './page-bundle.ts';
import type { ArrayBufferProbe } from './page/page-protocol.ts';
import { startStaticServer } from './static-server.ts';

/** Which browser to probe (default: CHROME_PATH, else /usr/bin/chromium). */
export interface ProbeOptions {
  readonly executablePath?: string;
}

async function withProbePage<T>(options: ProbeOptions, fn: (b: BenchBrowser) => Promise<T>): Promise<T> {
  const server = await startStaticServer({
    roots: { [PAGE_PATHS.ort]: ortWebDistDir() },
    files: { [PAGE_PATHS.html]: PAGE_HTML, [PAGE_PATHS.bundle]: await buildPageBundle() },
  });
  let browser: BenchBrowser | null = null;
  try {
    browser = await openBenchBrowser(server, { webgpu: false, ...(options.executablePath ? { executablePath: options.executablePath } : {}) });
    return await fn(browser);
  } finally {
    await browser?.close();
    await server.close();
  }
}

/** Reads one synthetic body per size, in order, in one fresh headless Chromium (each is freed before the next). */
export function probeArrayBufferSizes(sizes: readonly number[], options: ProbeOptions = {}): Promise<ArrayBufferProbe[]> {
  return withProbePage(options, async (b) => {
    const out: ArrayBufferProbe[] = [];
    for (const bytes of sizes) out.push(await b.call('probeArrayBuffer', bytes));
    return out;
  });
}

/**
 * The largest size `Response.arrayBuffer()` reads, by bisection between `low` (must read) and `high`
 * (must fail); `step` reports each probe. About 23 probes of up to 2 GiB for the default range.
 */
export function measureArrayBufferCeiling(
  low: number,
  high: number,
  step: (bytes: number, probe: ArrayBufferProbe) => void = () => undefined,
  options: ProbeOptions = {},
): Promise<number> {
  return withProbePage(options, async (b) => {
    const check = async (bytes: number): Promise<boolean> => {
      const p = await b.call('probeArrayBuffer', bytes);
      step(bytes, p);
      return p.ok;
    };
    if (!(await check(low))) throw new Error(`Response.arrayBuffer() already fails at ${low} bytes; lower the low end`);
    if (await check(high)) throw new Error(`Response.arrayBuffer() still reads ${high} bytes; raise the high end`);
    let [ok, bad] = [low, high];
    while (bad - ok > 1) {
      const mid = ok + Math.floor((bad - ok) / 2);
      if (await check(mid)) ok = mid;
      else bad = mid;
    }
    return ok;
  });
}
