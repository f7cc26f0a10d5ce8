/**
 * One error type for everything that can go wrong talking to the hub, with a `kind` callers can
 * branch on and a message a user can act on without reading the code.
 */

/** What went wrong; `retryable` kinds are retried with backoff by the downloader. */
export type HubErrorKind = 'auth' | 'forbidden' | 'not-found' | 'http' | 'server' | 'network' | 'integrity' | 'protocol';

/** Error raised by hub listing and download calls. */
export class HubError extends Error {
  /** Category of the failure. */
  readonly kind: HubErrorKind;
  /** HTTP status when the failure was an HTTP response. */
  readonly status: number | undefined;
  /** Seconds the server asked us to wait (Retry-After), when it said so. */
  readonly retryAfterSeconds: number | undefined;

  constructor(kind: HubErrorKind, message: string, opts: { status?: number; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'HubError';
    this.kind = kind;
    this.status = opts.status;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  /** Whether trying again later can help (5xx, 429, dropped connections). */
  get retryable(): boolean {
    return this.kind === 'server' || this.kind === 'network';
  }
}

/** What was being fetched, for error messages. */
export interface RequestSubject {
  readonly repo: string;
  readonly revision: string;
  /** Repo-relative file; undefined for the file-listing call. */
  readonly file?: string;
  readonly url: string;
}

function describe(s: RequestSubject): string {
  return s.file === undefined ? `repo ${s.repo} (revision ${s.revision})` : `${s.file} in repo ${s.repo} (revision ${s.revision})`;
}

type MessageFor = (s: RequestSubject, status: number) => [HubErrorKind, string];

// HF answers 401 both for "needs a token" and for repos that do not exist (it will not reveal
// private repos), so the 401 message covers both causes.
const STATUS_MESSAGES: Record<number, MessageFor> = {
  401: (s) => ['auth', `401 Unauthorized for ${describe(s)}: the repo is private or gated, or does not exist. Set HF_TOKEN to a hub access token with read access (https://huggingface.co/settings/tokens) and check the repo id.`],
  403: (s) => ['forbidden', `403 Forbidden for ${describe(s)}: your HF_TOKEN may lack read permission, or the repo is gated and its terms have not been accepted on the hub page.`],
  404: (s) => ['not-found', `404 Not Found: ${describe(s)} does not exist. Check the repo id, the file name in the variant registry, and --revision.`],
  416: (s) => ['protocol', `416 Range Not Satisfiable for ${describe(s)}: the partial download does not match the server file.`],
  429: (s) => ['server', `429 Too Many Requests for ${describe(s)}: rate-limited by the hub; retry later or set HF_TOKEN.`],
};

/** Turns a non-success HTTP status into a HubError with an actionable message. */
export function httpError(subject: RequestSubject, status: number, retryAfter: string | null): HubError {
  const retryAfterSeconds = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined;
  const known = STATUS_MESSAGES[status];
  const [kind, message] = known
    ? known(subject, status)
    : status >= 500
      ? (['server', `HTTP ${status} from the hub for ${describe(subject)} (${subject.url}): server error.`] as const)
      : (['http', `HTTP ${status} from the hub for ${describe(subject)} (${subject.url}).`] as const);
  return new HubError(kind, message, { status, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
}
