/**
 * Downloads one repo file to disk, resumably and atomically:
 * bytes go to `<file>.partial`; a retry or a later run continues it with `Range: bytes=<n>-`
 * (206), or restarts when the server ignores the range (200); once complete the partial is checked
 * against the sha256 the hub publishes (LFS `X-Linked-Etag`, or `lfs.sha256` from the listing),
 * fsynced and renamed into place, so a file at its final name is always complete.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileSize, hashPrefix, renameDurably } from '@parakeet-bench/node-io';
import { normalizeEtag, sha256FromEtag } from './etag.ts';
import { HubError, type RequestSubject } from './hub-error.ts';
import { hubGet } from './hub-fetch.ts';
import { DEFAULT_REVISION, resolveUrl } from './hub-urls.ts';
import type { HubRequestOptions, RepoRef } from './list-files.ts';
import type { ProgressListener } from './progress.ts';
import { DEFAULT_RETRY_POLICY, withRetries } from './retry.ts';
import { hubFilePath } from './safe-path.ts';

/** Suffix of in-progress downloads; the final name only ever holds complete, verified files. */
export const PARTIAL_SUFFIX = '.partial';

/** One file to fetch. */
export interface DownloadFileRequest extends RepoRef {
  /** Repo-relative path ('/'-separated); refused if it could escape `targetDir`. */
  readonly path: string;
  /** Directory the repo's files are placed in (sub-folders of `path` are created under it). */
  readonly targetDir: string;
  /** Size from the listing; lets an existing file be recognised as complete without a request. */
  readonly expectedSize?: number;
  /** sha256 from the listing; used when the download response carries no sha256 etag. */
  readonly expectedSha256?: string;
}

/** Callbacks and transport settings of a download. */
export interface DownloadOptions extends HubRequestOptions {
  readonly onProgress?: ProgressListener;
  /** Human-readable remarks (integrity not checkable, server ignored Range, ...). */
  readonly onNotice?: (message: string) => void;
}

/** What happened to one file. */
export interface DownloadResult {
  readonly file: string;
  /** Absolute path of the placed file. */
  readonly path: string;
  readonly status: 'downloaded' | 'skipped';
  readonly bytes: number;
  /** 'verified' when a hub-published sha256 matched; 'unchecked' when the hub gave none. */
  readonly integrity: 'verified' | 'unchecked' | 'not-rechecked';
  /** sha256 of the bytes written (undefined for skipped files). */
  readonly sha256?: string;
}

const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+|\*)$/;

/** Downloads `req.path` of `req.repo` into `req.targetDir`, unless it is already there. */
export async function downloadFile(req: DownloadFileRequest, opts: DownloadOptions): Promise<DownloadResult> {
  const revision = req.revision ?? DEFAULT_REVISION;
  const target = hubFilePath(req.targetDir, req.path);
  const partial = target + PARTIAL_SUFFIX;
  const existing = await fileSize(target);
  if (existing !== undefined && (req.expectedSize === undefined || existing === req.expectedSize)) {
    opts.onProgress?.({ file: req.path, bytesDone: existing, bytesTotal: existing, finished: true });
    return { file: req.path, path: target, status: 'skipped', bytes: existing, integrity: 'not-rechecked' };
  }
  if (existing !== undefined) {
    opts.onNotice?.(`${req.path}: existing file has ${existing} bytes, the hub lists ${req.expectedSize}: downloading it again`);
  }
  await mkdir(dirname(target), { recursive: true });
  const url = resolveUrl(opts.config, req.repoType ?? 'model', req.repo, revision, req.path);
  const subject: RequestSubject = { repo: req.repo, revision, file: req.path, url };
  const what = `downloading ${req.path} from ${req.repo}`;
  const result = await withRetries(what, opts.retry ?? DEFAULT_RETRY_POLICY, () => attempt(req, subject, partial, opts), opts.onRetry);
  await renameDurably(partial, target);
  opts.onProgress?.({ file: req.path, bytesDone: result.bytes, bytesTotal: result.bytes, finished: true });
  return { file: req.path, path: target, status: 'downloaded', ...result };
}

type AttemptResult = Pick<DownloadResult, 'bytes' | 'integrity' | 'sha256'>;

async function attempt(req: DownloadFileRequest, subject: RequestSubject, partial: string, opts: DownloadOptions): Promise<AttemptResult> {
  let offset = (await fileSize(partial)) ?? 0;
  if (req.expectedSize !== undefined && offset > req.expectedSize) {
    await unlink(partial);
    offset = 0;
  }
  // identity: a transparently gunzipped body would not match Content-Length or the sha256.
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  if (offset > 0) headers['range'] = `bytes=${offset}-`;
  const { response, etag, linkedSize } = await hubGet(opts.config, subject, headers, [416]);
  const expectedSha = sha256FromEtag(etag) ?? req.expectedSha256;
  let start = 0;
  let total = linkedSize ?? req.expectedSize;
  if (response.status === 416) {
    await response.body?.cancel();
    const m = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
    const serverSize = m ? Number(m[1]) : total;
    if (offset > 0 && serverSize === offset) return finish(req, partial, offset, await hashPrefix(partial, offset), expectedSha, etag, opts);
    await unlink(partial);
    throw new HubError('network', `${req.path}: partial download (${offset} bytes) does not fit the server file; restarting it`);
  }
  if (response.status === 206) {
    const m = CONTENT_RANGE.exec(response.headers.get('content-range') ?? '');
    if (!m || Number(m[1]) !== offset) {
      await response.body?.cancel();
      await unlink(partial);
      throw new HubError('network', `${req.path}: server answered the range request with bytes ${m?.[1] ?? '?'}-, not ${offset}-; restarting from 0`);
    }
    start = offset;
    if (m[3] !== '*') total = Number(m[3]);
  } else {
    if (offset > 0) opts.onNotice?.(`${req.path}: server ignored the Range request (HTTP ${response.status}); restarting from byte 0`);
    const length = response.headers.get('content-length');
    if (length !== null && /^\d+$/.test(length)) total = Number(length);
  }
  const hash = await hashPrefix(partial, start, createHash('sha256'));
  const fh = await open(partial, start > 0 ? 'a' : 'w');
  let done = start;
  try {
    const reader = response.body?.getReader();
    for (let r = await reader?.read(); r && !r.done; r = await reader!.read()) {
      await fh.write(r.value);
      hash.update(r.value);
      done += r.value.length;
      opts.onProgress?.({ file: req.path, bytesDone: done, bytesTotal: total });
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
  if (total !== undefined && done < total) {
    throw new HubError('network', `${req.path}: connection closed after ${done} of ${total} bytes`);
  }
  if (total !== undefined && done > total) {
    await unlink(partial);
    throw new HubError('integrity', `${req.path} from ${req.repo}: received ${done} bytes but the hub announced ${total}; the partial file was deleted, run again to re-download`);
  }
  return finish(req, partial, done, hash, expectedSha, etag, opts);
}

async function finish(
  req: DownloadFileRequest,
  partial: string,
  bytes: number,
  hash: ReturnType<typeof createHash>,
  expectedSha: string | undefined,
  etag: string | undefined,
  opts: DownloadOptions,
): Promise<AttemptResult> {
  const sha256 = hash.digest('hex');
  if (expectedSha === undefined) {
    const shown = normalizeEtag(etag);
    const why = shown === undefined ? 'the hub sent no ETag' : `ETag "${shown}" is not a sha256 (a git blob id, as for small non-LFS files)`;
    opts.onNotice?.(`${req.path}: integrity not verified: ${why}`);
    return { bytes, integrity: 'unchecked', sha256 };
  }
  if (sha256 !== expectedSha) {
    await unlink(partial);
    throw new HubError('integrity', `${req.path} from ${req.repo} is corrupted: sha256 ${sha256} but the hub published ${expectedSha}. The partial download was deleted and nothing was placed; run the command again to re-download.`);
  }
  return { bytes, integrity: 'verified', sha256 };
}
