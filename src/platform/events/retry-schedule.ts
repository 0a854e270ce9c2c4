// When a failed webhook delivery is tried again: the Standard Webhooks schedule (5 s, 5 min,
// 30 min, 2 h, 5 h, 10 h, 10 h: eight attempts over about 27 hours), each delay spread by
// ±20 % so endpoints that failed together do not come back in step. A Retry-After longer
// than the schedule wins, up to a day.
const DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
export const MAX_WEBHOOK_ATTEMPTS = DELAYS_MS.length + 1;
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/** The delay after the `attempt`-th failed attempt (1-based). */
export function webhookRetryDelay(attempt: number, random: () => number, retryAfterMs?: number): number {
  const scheduled = DELAYS_MS[Math.min(Math.max(attempt, 1), DELAYS_MS.length) - 1] as number;
  const jittered = Math.round(scheduled * (0.8 + 0.4 * random()));
  return retryAfterMs === undefined ? jittered : Math.max(jittered, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
}
