// The app's clock: the machine's by default; with FIXED_CLOCK, the chosen instant at start,
// running on with real (monotonic) time so that leases and timeouts still pass.
import { describe, expect, it } from "vitest";
import { clockStartingAt, configuredClock, systemClock } from "../../src/platform/clock";
import { loadConfig } from "../../src/platform/config";

describe("the app's clock", () => {
  it("is the machine's without FIXED_CLOCK", () => {
    expect(configuredClock(loadConfig({}))).toBe(systemClock);
  });

  it("starts at FIXED_CLOCK and moves on as time passes", () => {
    let elapsed = 5_000;
    const clock = clockStartingAt(new Date("2026-12-01T00:00:00+01:00"), () => elapsed);
    expect(clock().toISOString()).toBe("2026-11-30T23:00:00.000Z");
    elapsed += 90_000;
    expect(clock().toISOString()).toBe("2026-11-30T23:01:30.000Z");
  });

  it("runs at real speed when built from the configuration", async () => {
    const clock = configuredClock(loadConfig({ FIXED_CLOCK: "2026-12-02T23:59:00+01:00" }));
    const first = clock().getTime();
    expect(first - new Date("2026-12-02T22:59:00Z").getTime()).toBeLessThan(50);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(clock().getTime() - first).toBeGreaterThanOrEqual(190);
  });
});
