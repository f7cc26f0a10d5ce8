/**
 * Test support: a launcher for the system Chromium that drops the WebGPU flags the runner passes and
 * disables the GPU, so the page finds no WebGPU adapter (a machine without WebGPU, on demand).
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEBGPU_ARGS, resolveChromiumPath } from '@parakeet-bench/chromium';

/** The launcher script and its cleanup. */
export async function noWebGpuChromium(): Promise<{ path: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'pb-no-webgpu-'));
  const path = join(dir, 'chromium');
  const dropped = WEBGPU_ARGS.map((a) => `'${a}'`).join('|');
  await writeFile(
    path,
    `#!/bin/sh
for a do
  shift
  case "$a" in
    ${dropped}) ;;
    *) set -- "$@" "$a" ;;
  esac
done
exec '${resolveChromiumPath()}' --disable-gpu --disable-features=WebGPU "$@"
`,
  );
  await chmod(path, 0o755);
  return { path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
