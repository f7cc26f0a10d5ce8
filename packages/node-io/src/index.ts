export { renameDurably, writeFileAtomic, writeJsonAtomic } from './atomic-write.ts';
export type { ConfinedPath, RelativePathOptions } from './confined-path.ts';
export { confinedPath, resolveConfined, unsafeRelativePath } from './confined-path.ts';
export { HashCache, fileSize, hashPrefix, sha256File } from './file-hash.ts';
export { defaultCacheDir } from './cache-dir.ts';
export type { BuildDirOptions } from './build-dir.ts';
export { buildDirOnce } from './build-dir.ts';
export { decodeUtf8, readUtf8File } from './read-text.ts';
