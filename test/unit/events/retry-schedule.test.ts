import { describe, expect, it } from "vitest";
import { MAX_WEBHOOK_ATTEMPTS, webhookRetryDelay } from "../../../src/platform/events/retry-schedule";

describe("webhook retry schedule", () => {
  it("spreads eight attempts over about a day", () => {
    const total = Array.from({ length: MAX_WEBHOOK_ATTEMPTS - 1 }, (_, i) => webhookRetryDelay(i + 1, () => 0.5)).reduce((a, b) => a + b, 0);
    expect(MAX_WEBHOOK_ATTEMPTS).toBe(8);
    expect(total / 3_600_000).toBeGreaterThan(24);
    expect(total / 3_600_000).toBeLessThan(30);
  });

  it("jitters each delay by at most a fifth", () => {
    expect(webhookRetryDelay(2, () => 0)).toBe(240_000);
    expect(webhookRetryDelay(2, () => 1)).toBe(360_000);
  });

  it("waits as long as Retry-After asks when that is longer, up to a day", () => {
    expect(webhookRetryDelay(1, () => 0.5, 120_000)).toBe(120_000);
    expect(webhookRetryDelay(1, () => 0.5, 1_000)).toBe(5_000);
    expect(webhookRetryDelay(1, () => 0.5, 90 * 3_600_000)).toBe(24 * 3_600_000);
  });
});
