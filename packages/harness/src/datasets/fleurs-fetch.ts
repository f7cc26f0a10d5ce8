/**
 * `bench data fetch fleurs`: one split of one language of google/fleurs from the Hugging Face hub,
 * only the split table and the audio tarball, then the tarball extracted once beside it.
 */
import { join } from 'node:path';
import type { DownloadOptions } from '@parakeet-bench/hub';
import { downloadRepo, HubError, hubConfigFromEnv, repoDirName } from '@parakeet-bench/hub';
import type { FleursSplit } from './fleurs-layout.ts';
import { FLEURS_REPO, fleursPaths, fleursRepoFiles } from './fleurs-layout.ts';
import { ensureExtracted } from './tar-extract.ts';

/** What to fetch and where. */
export interface FleursFetchRequest {
  /** Datasets root: the snapshot goes to `<root>/google__fleurs`. */
  readonly root: string;
  readonly lang: string;
  readonly split: FleursSplit;
  readonly revision?: string;
  /** Download progress, notices and retries. */
  readonly listeners?: Pick<DownloadOptions, 'onProgress' | 'onNotice' | 'onRetry'>;
}

/** What a fetch did, and the sweep entry that reads it. */
export interface FleursFetchResult {
  readonly dir: string;
  readonly commit: string | undefined;
  readonly downloaded: number;
  readonly present: number;
  /** Where the audio is extracted, and how many files this call extracted (0: already there). */
  readonly extractedDir: string;
  readonly extractedFiles: number;
  readonly entry: { readonly name: string; readonly kind: 'fleurs'; readonly dir: string; readonly lang: string; readonly split: FleursSplit };
}

/** Downloads (resuming, skipping what is there) and extracts one FLEURS split. */
export async function fetchFleursSplit(r: FleursFetchRequest): Promise<FleursFetchResult> {
  const files = fleursRepoFiles(r.lang, r.split);
  const dir = join(r.root, repoDirName(FLEURS_REPO));
  let got;
  try {
    const ref = { repo: FLEURS_REPO, repoType: 'dataset' as const, ...(r.revision ? { revision: r.revision } : {}) };
    got = await downloadRepo(ref, dir, { config: hubConfigFromEnv(), files: [files.tsv, files.archive], ...r.listeners });
  } catch (e) {
    if (e instanceof HubError && e.kind === 'not-found') {
      throw new Error(`${e.message}\nFLEURS has no ${files.tsv} or ${files.archive}: check --lang (a config name such as fr_fr) and --revision`);
    }
    throw e;
  }
  const downloaded = got.files.filter((f) => f.status === 'downloaded').length;
  const paths = fleursPaths(dir, r.lang, r.split);
  const extracted = await ensureExtracted(paths.archive, paths.extracted);
  return {
    dir,
    commit: got.commit,
    downloaded,
    present: got.files.length - downloaded,
    extractedDir: paths.extracted,
    extractedFiles: extracted.extracted ? extracted.files : 0,
    entry: { name: `fleurs-${r.lang}-${r.split}`, kind: 'fleurs', dir, lang: r.lang, split: r.split },
  };
}
