export type { ResolveChromiumOptions } from './resolve-chromium-path.ts';
export { DEFAULT_CHROMIUM_PATH, resolveChromiumPath } from './resolve-chromium-path.ts';
export { WEBGPU_ARGS } from './chromium-args.ts';
export type { Browser, LaunchChromiumOptions, LaunchedChromium, Page } from './launch-chromium.ts';
export { launchChromium } from './launch-chromium.ts';
