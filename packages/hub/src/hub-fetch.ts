/**
 * One GET against the hub with redirects followed by hand. Following them ourselves keeps the
 * headers of the FIRST (hub) response: for LFS files HF answers `/resolve/` with a 302 to its CDN
 * carrying `X-Linked-Etag` (the file's sha256) and `X-Linked-Size`, which an auto-following fetch
 * would drop (see huggingface_hub file_download.py `get_hf_file_metadata`, which reads
 * `X-Linked-Etag or ETag` from a HEAD with `allow_redirects=False`).
 */
import type { HubConfig } from './hub-config.ts';
import { httpError, HubError, type RequestSubject } from './hub-error.ts';

/** Headers HF sets on `/resolve/` responses (constants.HUGGINGFACE_HEADER_X_LINKED_*). */
export const HEADER_LINKED_ETAG = 'x-linked-etag';
/** Size of the LFS object behind a redirect. */
export const HEADER_LINKED_SIZE = 'x-linked-size';

const MAX_REDIRECTS = 10;

/** Final response plus the metadata gathered along the redirect chain. */
export interface HubResponse {
  readonly response: Response;
  /** `X-Linked-Etag`, else `ETag`, of the first response (the hub's own answer). */
  readonly etag: string | undefined;
  /** `X-Linked-Size` of the first response when present. */
  readonly linkedSize: number | undefined;
}

/**
 * GETs `subject.url`, following up to 10 redirects. Statuses in `accept` (besides 2xx) are returned
 * instead of thrown; any other non-2xx becomes a HubError with a message naming repo and file.
 */
export async function hubGet(
  config: HubConfig,
  subject: RequestSubject,
  headers: Record<string, string> = {},
  accept: readonly number[] = [],
): Promise<HubResponse> {
  let url = subject.url;
  const origin = new URL(url).origin;
  let etag: string | undefined;
  let linkedSize: number | undefined;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const sameOrigin = new URL(url).origin === origin;
    const h: Record<string, string> = { 'user-agent': 'parakeet-bench-hub/0.1', ...headers };
    // The token is for the hub only; huggingface_hub also drops it before following a CDN redirect.
    if (config.token && sameOrigin) h['authorization'] = `Bearer ${config.token}`;
    const response = await fetch(url, { headers: h, redirect: 'manual' });
    if (hop === 0) {
      etag = response.headers.get(HEADER_LINKED_ETAG) ?? response.headers.get('etag') ?? undefined;
      const size = response.headers.get(HEADER_LINKED_SIZE);
      linkedSize = size !== null && /^\d+$/.test(size) ? Number(size) : undefined;
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = new URL(location, url).toString();
      continue;
    }
    if (etag === undefined) etag = response.headers.get('etag') ?? undefined;
    if (response.ok || accept.includes(response.status)) return { response, etag, linkedSize };
    await response.body?.cancel();
    throw httpError(subject, response.status, response.headers.get('retry-after'));
  }
  throw new HubError('protocol', `more than ${MAX_REDIRECTS} redirects for ${subject.url}`);
}
