export * from './resolve-chromium-path.ts';
export * from './chromium-args.ts';
export * from './launch-chromium.ts';
