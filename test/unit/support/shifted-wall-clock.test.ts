// The wall-clock shift `npm run test:calendar` runs the suite under: Date starts at the chosen
// instant and runs on at real speed, dates stay real Dates, and timers stay real.
import { afterEach, describe, expect, it } from "vitest";
import { shiftWallClock, type WallClockShift } from "../../support/shifted-wall-clock";

// The Date in place before each test: the machine's, or the one TEST_CLOCK already shifted.
const RealDate = Date;
let shift: WallClockShift | undefined;
afterEach(() => {
  shift?.restore();
  shift = undefined;
});

describe("a shifted wall clock", () => {
  it("starts at the chosen instant and keeps pace with real time", async () => {
    const startAt = new RealDate("2026-12-02T22:59:00Z");
    shift = shiftWallClock(startAt);
    expect(Math.abs(Date.now() - startAt.getTime())).toBeLessThan(50);
    // biome-ignore lint/complexity/useDateNow: the test is about what the Date constructor reads
    expect(Math.abs(new Date().getTime() - startAt.getTime())).toBeLessThan(50);
    const before = Date.now();
    const realBefore = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const elapsed = Date.now() - before;
    const realElapsed = performance.now() - realBefore;
    expect(Math.abs(elapsed - realElapsed)).toBeLessThan(5);
    expect(elapsed).toBeGreaterThanOrEqual(290);
  });

  it("keeps every other use of Date as it was", () => {
    const earlier = new RealDate("2026-01-01T00:00:00Z");
    shift = shiftWallClock(new RealDate("2030-06-15T12:00:00Z"));
    expect(new Date("2026-11-03T14:05:00+01:00").toISOString()).toBe("2026-11-03T13:05:00.000Z");
    expect(new Date(2026, 0, 31).getDate()).toBe(31);
    expect(new Date(0).getTime()).toBe(0);
    expect(Date.UTC(2026, 11, 1)).toBe(RealDate.UTC(2026, 11, 1));
    expect(Date.parse("2026-12-01T00:00:00Z")).toBe(RealDate.parse("2026-12-01T00:00:00Z"));
    expect(earlier).toBeInstanceOf(Date);
    expect(new Date()).toBeInstanceOf(RealDate);
    expect(Date()).toBe(new RealDate(Date.now()).toString());
    expect(new Date().getUTCFullYear()).toBe(2030);
  });

  it("puts the clock it replaced back", () => {
    shiftWallClock(new RealDate("2030-06-15T12:00:00Z")).restore();
    expect(Date).toBe(RealDate);
    expect(new Date().getUTCFullYear()).not.toBe(2030);
  });
});
