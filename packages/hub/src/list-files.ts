/**
 * Lists a repo's files through the hub API (hf_api.py `model_info` / `dataset_info` with
 * `files_metadata=True`): `siblings[].rfilename`, plus `size` and `lfs.sha256` (RepoSibling /
 * BlobLfsInfo) which give us expected sizes and hashes before downloading anything.
 */
import { z } from 'zod';
import { isSha256Hex } from './etag.ts';
import type { HubConfig } from './hub-config.ts';
import { HubError } from './hub-error.ts';
import { hubGet } from './hub-fetch.ts';
import { DEFAULT_REVISION, repoInfoUrl, type RepoType } from './hub-urls.ts';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryListener, type RetryPolicy } from './retry.ts';

const siblingSchema = z.object({
  rfilename: z.string(),
  size: z.number().int().nonnegative().nullish(),
  lfs: z.object({ sha256: z.string(), size: z.number().int().nonnegative().nullish() }).nullish(),
});
const repoInfoSchema = z.object({ sha: z.string().nullish(), siblings: z.array(siblingSchema) });

/** One file of a repo as the hub lists it. */
export interface RepoFileInfo {
  /** Repo-relative path, '/'-separated, exactly as the server sent it (not yet validated). */
  readonly path: string;
  /** Size in bytes when the listing includes it. */
  readonly size?: number;
  /** sha256 of the content, known for LFS files only. */
  readonly sha256?: string;
}

/** Where to list from. */
export interface RepoRef {
  readonly repo: string;
  readonly repoType?: RepoType;
  readonly revision?: string;
}

/** Transport options shared by listing and downloading. */
export interface HubRequestOptions {
  readonly config: HubConfig;
  readonly retry?: RetryPolicy;
  readonly onRetry?: RetryListener;
}

/** A repo listing: the commit it was resolved to (when the hub says) and its files. */
export interface RepoListing {
  readonly commit: string | undefined;
  readonly files: readonly RepoFileInfo[];
}

/** Lists every file of `ref` at its revision. */
export async function listRepoFiles(ref: RepoRef, opts: HubRequestOptions): Promise<RepoListing> {
  const repoType = ref.repoType ?? 'model';
  const revision = ref.revision ?? DEFAULT_REVISION;
  const url = repoInfoUrl(opts.config, repoType, ref.repo, revision);
  const subject = { repo: ref.repo, revision, url };
  const body = await withRetries(`listing ${ref.repo}`, opts.retry ?? DEFAULT_RETRY_POLICY, async () => {
    const { response } = await hubGet(opts.config, subject);
    return response.json() as Promise<unknown>;
  }, opts.onRetry);
  const parsed = repoInfoSchema.safeParse(body);
  if (!parsed.success) {
    throw new HubError('protocol', `unexpected repo-info JSON from ${url}: ${parsed.error.issues[0]?.message ?? 'invalid'}; is HF_ENDPOINT a Hugging Face hub?`);
  }
  const files = parsed.data.siblings.map((s): RepoFileInfo => {
    const size = s.lfs?.size ?? s.size ?? undefined;
    const sha256 = s.lfs && isSha256Hex(s.lfs.sha256) ? s.lfs.sha256.toLowerCase() : undefined;
    return { path: s.rfilename, ...(size == null ? {} : { size }), ...(sha256 ? { sha256 } : {}) };
  });
  return { commit: parsed.data.sha ?? undefined, files };
}
