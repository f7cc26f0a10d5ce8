/**
 * Makes one resolved variant available on disk: hub variants are downloaded (only the files that
 * variant needs, skipping complete ones); local variants are checked in place, never copied.
 */
import { join } from 'node:path';
import type { DownloadOptions, DownloadResult } from './download-file.ts';
import { downloadRepo } from './download-repo.ts';
import { fileSize } from '@parakeet-bench/node-io';
import type { Variant } from './registry.ts';
import { hubFilePath } from './safe-path.ts';

/** One file of a fetched variant. */
export type FetchedFile = DownloadResult | { readonly file: string; readonly path: string; readonly status: 'local'; readonly bytes: number };

/** Where a variant ended up. */
export interface FetchedVariant {
  readonly variant: Variant;
  /** The model directory (holds config.json, vocab.txt, nemo128.onnx and both graphs). */
  readonly dir: string;
  readonly encoderPath: string;
  readonly decoderPath: string;
  /** Commit the hub resolved the revision to, when it reported one. */
  readonly commit: string | undefined;
  readonly files: readonly FetchedFile[];
}

/** Directory name of a hub repo under the target root: `owner/name` becomes `owner__name`. */
export function repoDirName(repo: string): string {
  return repo.replaceAll('/', '__');
}

/**
 * Downloads (hub) or checks (localDir) the files of `variant`. Hub files go to
 * `<targetRoot>/<owner__name>/`, so variants of one repo share a directory and a download.
 */
export async function fetchVariant(variant: Variant, targetRoot: string, opts: DownloadOptions): Promise<FetchedVariant> {
  if (variant.localDir !== undefined) return checkLocal(variant, variant.localDir);
  const dir = join(targetRoot, repoDirName(variant.repo));
  const ref = { repo: variant.repo, repoType: variant.repoType, revision: variant.revision };
  const result = await downloadRepo(ref, dir, { ...opts, files: variant.files });
  return {
    variant,
    dir,
    encoderPath: hubFilePath(dir, variant.encoderFile),
    decoderPath: hubFilePath(dir, variant.decoderFile),
    commit: result.commit,
    files: result.files,
  };
}

async function checkLocal(variant: Variant, dir: string): Promise<FetchedVariant> {
  const files: FetchedFile[] = [];
  const missing: string[] = [];
  for (const file of variant.files) {
    const path = hubFilePath(dir, file);
    const bytes = await fileSize(path);
    if (bytes === undefined) missing.push(file);
    else files.push({ file, path, status: 'local', bytes });
  }
  if (missing.length > 0) {
    throw new Error(`variant "${variant.id}": local directory ${dir} lacks ${missing.join(', ')}; copy them there or fix "localDir" / the file names in your registry file`);
  }
  return {
    variant,
    dir,
    encoderPath: hubFilePath(dir, variant.encoderFile),
    decoderPath: hubFilePath(dir, variant.decoderFile),
    commit: undefined,
    files,
  };
}
