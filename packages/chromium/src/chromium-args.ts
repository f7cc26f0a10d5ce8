/**
 * Command-line flags for benchmark and test browsers: quiet (no background traffic that would skew
 * timings or trip "no network" assertions) and, on request, headless WebGPU on a CPU-only machine.
 */

/** Flags every launch gets: keep Chromium from phoning home or updating itself mid-benchmark. */
export const QUIET_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
];

/**
 * Flags that make WebGPU work headless without a GPU: the adapter comes from SwiftShader (Dawn's
 * Vulkan CPU backend), which Chromium only exposes when "unsafe" WebGPU and SwiftShader are allowed.
 */
export const WEBGPU_ARGS: readonly string[] = [
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
  '--enable-features=Vulkan,WebGPU',
  '--use-vulkan=swiftshader',
  '--use-angle=swiftshader',
  '--use-webgpu-adapter=swiftshader',
  '--disable-vulkan-surface',
  '--ignore-gpu-blocklist',
];

/** Choices that change the flag set. */
export interface ChromiumArgsOptions {
  /** Request WebGPU (SwiftShader) instead of disabling the GPU process. */
  readonly webgpu?: boolean;
  /** Profile directory; each launch gets a fresh one so no cache or state leaks between runs. */
  readonly userDataDir: string;
  /** Appended last, so callers can add flags (e.g. `--js-flags`). */
  readonly extraArgs?: readonly string[];
}

/** Builds the full flag list for one launch. */
export function chromiumArgs(options: ChromiumArgsOptions): string[] {
  const gpu = options.webgpu ? WEBGPU_ARGS : ['--disable-gpu'];
  return [...QUIET_ARGS, ...gpu, `--user-data-dir=${options.userDataDir}`, ...(options.extraArgs ?? [])];
}
