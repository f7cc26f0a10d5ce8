/**
 * Retry with exponential backoff, as huggingface_hub's `http_backoff` does for 5xx and dropped
 * connections (base wait doubling up to a cap). Multi-GB downloads over flaky links are the
 * normal case for the fp32 encoder, so this is on by default.
 */
import { HubError } from './hub-error.ts';

/** How often and how patiently to retry transient failures. */
export interface RetryPolicy {
  /** Extra attempts after the first one; 0 disables retrying. */
  readonly retries: number;
  /** Wait before the first retry; doubles each time. */
  readonly baseDelayMs: number;
  /** Upper bound of one wait (also caps a server's Retry-After). */
  readonly maxDelayMs: number;
}

/** Default policy: 5 retries, 1 s doubling to 30 s (1+2+4+8+16 = 31 s of waiting in total). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 5, baseDelayMs: 1000, maxDelayMs: 30_000 };

/** Milliseconds to wait before retry number `retry` (0-based); honours Retry-After when given. */
export function backoffDelayMs(retry: number, policy: RetryPolicy, retryAfterSeconds?: number): number {
  if (retryAfterSeconds !== undefined) return Math.min(retryAfterSeconds * 1000, policy.maxDelayMs);
  return Math.min(policy.baseDelayMs * 2 ** retry, policy.maxDelayMs);
}

/**
 * Normalises a thrown value into a HubError. fetch reports refused / reset / half-read bodies as
 * TypeError ("fetch failed", "terminated") with the socket error as `cause`; those are retryable.
 */
export function asHubError(err: unknown, what: string): HubError {
  if (err instanceof HubError) return err;
  if (err instanceof Error && err.name === 'AbortError') {
    return new HubError('protocol', `${what}: aborted`, { cause: err });
  }
  if (err instanceof TypeError || isSocketError(err)) {
    const cause = (err as { cause?: { message?: string; code?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? (err as Error).message;
    return new HubError('network', `${what}: connection failed (${detail}); check the network or HF_ENDPOINT`, { cause: err });
  }
  return new HubError('protocol', `${what}: ${(err as Error)?.message ?? String(err)}`, { cause: err });
}

const SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_SOCKET']);

function isSocketError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && SOCKET_CODES.has(code);
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Called before each retry: what failed, which retry is next (1-based), and the wait. */
export type RetryListener = (err: HubError, retry: number, delayMs: number) => void;

/**
 * Runs `attempt` until it succeeds, a non-retryable HubError is thrown, or `policy.retries` retries
 * are used up; the last error is rethrown with the attempt count appended.
 */
export async function withRetries<T>(
  what: string,
  policy: RetryPolicy,
  attempt: () => Promise<T>,
  onRetry?: RetryListener,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (thrown) {
      const err = asHubError(thrown, what);
      if (!err.retryable) throw err;
      if (retry >= policy.retries) {
        err.message += ` (gave up after ${retry + 1} attempt${retry === 0 ? '' : 's'})`;
        throw err;
      }
      const delayMs = backoffDelayMs(retry, policy, err.retryAfterSeconds);
      onRetry?.(err, retry + 1, delayMs);
      await sleep(delayMs);
    }
  }
}
