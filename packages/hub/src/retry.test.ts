import { describe, expect, it } from 'vitest';
import { HubError } from './hub-error.ts';
import { asHubError, backoffDelayMs, withRetries } from './retry.ts';

const policy = { retries: 3, baseDelayMs: 100, maxDelayMs: 350 };

describe('retry', () => {
  it('doubles the wait up to the cap and honours Retry-After (capped)', () => {
    expect([0, 1, 2, 3].map((r) => backoffDelayMs(r, policy))).toEqual([100, 200, 350, 350]);
    expect(backoffDelayMs(0, policy, 2)).toBe(350);
    expect(backoffDelayMs(0, { ...policy, maxDelayMs: 5000 }, 2)).toBe(2000);
  });

  it('classifies fetch network failures as retryable and HTTP 4xx as final', () => {
    expect(asHubError(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }), 'x').retryable).toBe(true);
    expect(asHubError(new HubError('not-found', 'gone', { status: 404 }), 'x').retryable).toBe(false);
  });

  it('stops at the first non-retryable error and retries transient ones', async () => {
    let calls = 0;
    const fast = { retries: 2, baseDelayMs: 1, maxDelayMs: 1 };
    await expect(withRetries('t', fast, async () => { calls++; throw new HubError('auth', 'no'); })).rejects.toThrow('no');
    expect(calls).toBe(1);
    calls = 0;
    const value = await withRetries('t', fast, async () => { if (++calls < 3) throw new HubError('server', 'busy'); return 42; });
    expect([value, calls]).toEqual([42, 3]);
  });
});
