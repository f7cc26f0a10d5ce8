/**
 * Test-only fault injection for the worker, so end-to-end tests can check that a hung or crashed
 * browser becomes a failed result and the sweep goes on. Unset in real runs.
 */
import type { BrowserRunOptions } from './browser-run-config.ts';
import { chromiumProcesses } from './proc-memory.ts';

/** Environment variable read by the worker: `hang` (model load never returns) or `crash` (renderers killed). */
export const BROWSER_FAULT_ENV = 'PARAKEET_BENCH_BROWSER_FAULT';

const FAULTS: Readonly<Record<string, Partial<BrowserRunOptions>>> = {
  hang: { hangOnLoad: true },
  crash: {
    onBrowser: (b) => {
      // SIGKILL the renderers, as the kernel's OOM killer would mid-load.
      void chromiumProcesses(b.chromium.browser).then((ps) => {
        for (const p of ps) if (p.type === 'renderer') process.kill(p.pid, 'SIGKILL');
      });
    },
  },
};

/** Options for the fault named in `env`, or none. */
export function faultFromEnv(env: Readonly<Record<string, string | undefined>>): Partial<BrowserRunOptions> {
  const name = env[BROWSER_FAULT_ENV];
  if (!name) return {};
  const fault = FAULTS[name];
  if (!fault) throw new Error(`${BROWSER_FAULT_ENV}=${name} is not a known fault (${Object.keys(FAULTS).join(', ')}); unset it for real runs`);
  return fault;
}
