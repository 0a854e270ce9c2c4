// How long to wait before trying a send again: exponential backoff with jitter, or exactly
// what the connector asked for with Retry-After. The random source is passed in so tests can
// pin it.
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * "Equal jitter": half the exponential delay is fixed, half random, so retries spread out
 * (several instances throttled at once do not come back in step) yet never retry at once.
 */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** retry);
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

/** Retry-After is seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
