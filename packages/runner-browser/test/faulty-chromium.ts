/**
 * Test support: a Chromium launcher script that misbehaves on purpose, so failure tests need no hook
 * in the runner's code. Pass its path as CHROME_PATH (worker processes inherit it) or as the
 * executable path: it starts the real browser under the same pid (exec), after forking a timer that,
 * `afterSec` seconds after the first renderer appears, SIGKILLs the browser (`kill`: a browser dying
 * mid-run) or SIGSTOPs its renderers (`hang`: the page's calls never return).
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveChromiumPath } from '@parakeet-bench/chromium';

/** What the launched browser suffers. */
export interface ChromiumFault {
  readonly kind: 'kill' | 'hang';
  readonly afterSec: number;
}

/** The launcher script and a cleanup that kills renderers it stopped and removes it. */
export interface FaultyChromium {
  readonly path: string;
  cleanup(): Promise<void>;
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Writes the launcher script for `fault` around the system Chromium. */
export async function faultyChromium(fault: ChromiumFault): Promise<FaultyChromium> {
  const dir = await mkdtemp(join(tmpdir(), 'pb-faulty-chromium-'));
  const path = join(dir, 'chromium');
  const stopped = join(dir, 'stopped.pids');
  const act = fault.kind === 'kill' ? 'kill -KILL "$main"' : `for p in $(renderers); do kill -STOP "$p" && echo "$p" >> ${quote(stopped)}; done`;
  await writeFile(
    path,
    `#!/bin/sh
main=$$
descendants() {
  todo=$main
  while [ -n "$todo" ]; do
    next=
    for p in $todo; do
      for t in /proc/$p/task/*/children; do next="$next $(cat "$t" 2>/dev/null)"; done
      [ "$p" = "$main" ] || echo "$p"
    done
    todo=$next
  done
}
renderers() {
  for p in $(descendants); do grep -qa -- '--type=renderer' "/proc/$p/cmdline" 2>/dev/null && echo "$p"; done
}
(
  # The clock starts once the page's renderer exists, so a slow launch cannot move the fault before it.
  i=0
  while [ $i -lt 600 ] && [ -z "$(renderers)" ]; do sleep 0.1; i=$((i + 1)); done
  sleep ${fault.afterSec}
  ${act}
) >/dev/null 2>&1 &
exec ${quote(resolveChromiumPath())} "$@"
`,
  );
  await chmod(path, 0o755);
  return {
    path,
    async cleanup() {
      const pids = (await readFile(stopped, 'utf8').catch(() => '')).split('\n').filter(Boolean);
      for (const pid of pids) {
        try {
          process.kill(Number(pid), 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
