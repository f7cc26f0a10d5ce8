/**
 * URL shapes of the Hugging Face hub, as huggingface_hub builds them:
 * - file_download.py `hf_hub_url`: `{endpoint}/{prefix}{repo_id}/resolve/{quote(revision, safe="")}/{quote(filename)}`
 *   where `REPO_TYPES_URL_PREFIXES = {"dataset": "datasets/", "space": "spaces/"}` (models have no prefix);
 * - hf_api.py `model_info` / `dataset_info`: `{endpoint}/api/models/{repo_id}/revision/{quote(revision, safe="")}`
 *   (`/api/datasets/...` for datasets), with `?blobs=true` when `files_metadata=True` so each
 *   `siblings[]` entry also carries `size` and, for LFS files, `lfs.sha256`.
 */
import type { HubConfig } from './hub-config.ts';

/** Kinds of hub repository this package downloads from. */
export type RepoType = 'model' | 'dataset';

/** The branch huggingface_hub uses when no revision is given (constants.DEFAULT_REVISION). */
export const DEFAULT_REVISION = 'main';

const API_SEGMENT: Record<RepoType, string> = { model: 'models', dataset: 'datasets' };
const RESOLVE_PREFIX: Record<RepoType, string> = { model: '', dataset: 'datasets/' };

// huggingface_hub validators._validate_repo_id: optional namespace, name of word chars, '-' and '.',
// and neither '--' nor '..' anywhere.
const REPO_ID = /^(?:[\w.-]+\/)?[\w.-]{1,96}$/;

/** Throws a message naming the repo when `repo` is not a valid hub repo id. */
export function assertRepoId(repo: string): void {
  if (!REPO_ID.test(repo) || repo.includes('--') || repo.includes('..')) {
    throw new Error(`"${repo}" is not a hub repo id: expected "owner/name" (letters, digits, '_', '-', '.')`);
  }
}

/** URL of the repo-info API call that lists the files of `repo` at `revision`. */
export function repoInfoUrl(config: HubConfig, repoType: RepoType, repo: string, revision: string): string {
  assertRepoId(repo);
  const rev = encodeURIComponent(revision);
  return `${config.endpoint}/api/${API_SEGMENT[repoType]}/${repo}/revision/${rev}?blobs=true`;
}

/** URL that serves the bytes of `path` in `repo` at `revision` (may redirect to a CDN). */
export function resolveUrl(config: HubConfig, repoType: RepoType, repo: string, revision: string, path: string): string {
  assertRepoId(repo);
  // quote(filename) keeps '/' so sub-folder files such as sharded/x.onnx stay one path.
  const file = path.split('/').map(encodeURIComponent).join('/');
  const rev = encodeURIComponent(revision);
  return `${config.endpoint}/${RESOLVE_PREFIX[repoType]}${repo}/resolve/${rev}/${file}`;
}
