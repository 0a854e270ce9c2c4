// Report lists: the last 12 months by default, or one year, in the organisation's zone.
import { describe, expect, it } from "vitest";
import { DEFAULT_REPORT_PERIOD, cycleRange, inRange } from "../../../../src/workflows/usage-reports/domain/report-period";
import { accepted, refusal } from "./fixtures";

describe("filtering report lists", () => {
  it("shows the current cycle and the eleven before it by default", () => {
    const range = accepted(cycleRange(DEFAULT_REPORT_PERIOD, "Europe/Paris", new Date("2026-12-02T10:00:00Z")));
    expect(range).toEqual({ from: "2026-01", to: "2026-12" });
    expect(inRange("2025-12", range)).toBe(false);
    expect(inRange("2026-01", range)).toBe(true);
  });

  it("counts the months in the organisation's zone: 1 January in Jakarta is still December in UTC", () => {
    expect(accepted(cycleRange(DEFAULT_REPORT_PERIOD, "Asia/Jakarta", new Date("2026-12-31T18:00:00Z")))).toEqual({ from: "2026-02", to: "2027-01" });
    expect(accepted(cycleRange(DEFAULT_REPORT_PERIOD, "UTC", new Date("2026-12-31T18:00:00Z")))).toEqual({ from: "2026-01", to: "2026-12" });
  });

  it("shows one year's twelve cycles", () => {
    const range = accepted(cycleRange({ kind: "year", year: 2025 }, "Europe/Paris", new Date("2026-12-02T10:00:00Z")));
    expect(range).toEqual({ from: "2025-01", to: "2025-12" });
    expect(inRange("2025-07", range)).toBe(true);
    expect(inRange("2026-01", range)).toBe(false);
  });

  it("refuses a year still to come or before the platform's reports", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    expect(refusal(cycleRange({ kind: "year", year: 2027 }, "UTC", now))).toEqual({
      code: "year_invalid",
      facts: { year: "2027", first: "2000", last: "2026" },
    });
    expect(refusal(cycleRange({ kind: "year", year: 1999 }, "UTC", now))?.code).toBe("year_invalid");
  });
});
