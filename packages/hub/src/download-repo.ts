/**
 * Downloads several files of one repo (a model directory or a dataset snapshot). File names come
 * from the hub listing, i.e. from the network: every one is checked before anything is written.
 */
import { downloadFile, type DownloadOptions, type DownloadResult } from './download-file.ts';
import { HubError } from './hub-error.ts';
import { listRepoFiles, type RepoFileInfo, type RepoRef } from './list-files.ts';
import { unsafeRelativePath } from '@parakeet-bench/node-io';

/** Which files of the repo to fetch. */
export interface DownloadRepoOptions extends DownloadOptions {
  /** Exact repo paths to fetch; every one must exist in the listing. Default: all files. */
  readonly files?: readonly string[];
  /** Extra filter over the listing (e.g. only `*.parquet`), applied after `files`. */
  readonly include?: (path: string) => boolean;
}

/** Result of a multi-file download. */
export interface DownloadRepoResult {
  /** Commit the revision resolved to, when the hub reports it. */
  readonly commit: string | undefined;
  readonly files: readonly DownloadResult[];
}

/**
 * Lists `ref`, refuses unsafe names, then downloads the selected files one by one into `targetDir`
 * (files already complete are skipped).
 */
export async function downloadRepo(ref: RepoRef, targetDir: string, opts: DownloadRepoOptions): Promise<DownloadRepoResult> {
  const listing = await listRepoFiles(ref, opts);
  const selected = selectFiles(ref, listing.files, opts);
  const unsafe = selected
    .map((f) => [f.path, unsafeRelativePath(f.path)] as const)
    .filter(([, reason]) => reason !== undefined);
  if (unsafe.length > 0) {
    const list = unsafe.map(([p, r]) => `${JSON.stringify(p)} (${r})`).join(', ');
    throw new HubError('protocol', `repo ${ref.repo} lists unsafe file names, refusing to download: ${list}. Is HF_ENDPOINT a trusted hub?`);
  }
  const results: DownloadResult[] = [];
  for (const f of selected) {
    const req = {
      ...ref,
      path: f.path,
      targetDir,
      ...(f.size === undefined ? {} : { expectedSize: f.size }),
      ...(f.sha256 === undefined ? {} : { expectedSha256: f.sha256 }),
    };
    results.push(await downloadFile(req, opts));
  }
  return { commit: listing.commit, files: results };
}

function selectFiles(ref: RepoRef, listed: readonly RepoFileInfo[], opts: DownloadRepoOptions): RepoFileInfo[] {
  let selected = [...listed];
  if (opts.files) {
    const byPath = new Map(listed.map((f) => [f.path, f]));
    const missing = opts.files.filter((p) => !byPath.has(p));
    if (missing.length > 0) {
      const rev = ref.revision ?? 'main';
      throw new HubError('not-found', `repo ${ref.repo} (revision ${rev}) has no ${missing.join(', ')}. Check the file names in the variant registry and --revision.`);
    }
    selected = opts.files.map((p) => byPath.get(p)!);
  }
  return opts.include ? selected.filter((f) => opts.include!(f.path)) : selected;
}
