// The public face of @parakeet-bench/hub: downloads from the Hugging Face hub and the variant registry.
export type { HubConfig } from './hub-config.ts';
export { hubConfigFromEnv } from './hub-config.ts';
export type { HubErrorKind } from './hub-error.ts';
export { HubError } from './hub-error.ts';
export type { RetryListener } from './retry.ts';
export type { ProgressEvent, ProgressListener } from './progress.ts';
export type { ProgressRenderer } from './progress-renderer.ts';
export { createProgressRenderer } from './progress-renderer.ts';
export type { RepoRef } from './list-files.ts';
export type { DownloadOptions, DownloadResult } from './download-file.ts';
export type { DownloadRepoOptions, DownloadRepoResult } from './download-repo.ts';
export { downloadRepo } from './download-repo.ts';
export type { RegistryFile } from './registry-schema.ts';
export { loadRegistryFile, parseRegistryFile } from './registry-schema.ts';
export type { Registry, Variant } from './registry.ts';
export { BUILTIN_REGISTRY, ISTUPAKOV_REPO, mergeRegistry, resolveVariant } from './registry.ts';
export type { FetchedVariant } from './fetch-variant.ts';
export { fetchVariant, repoDirName } from './fetch-variant.ts';
