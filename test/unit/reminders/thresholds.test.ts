// Which reminder of a deadline is current, and when the billing window's reminders fall.
import { describe, expect, it } from "vitest";
import { currentThreshold } from "../../../src/platform/reminders/due-item";
import { billingWindowThresholds } from "../../../src/workflows/engagements/deadlines/billing-window";

describe("reminder thresholds", () => {
  const thresholds = [
    { name: "3-days", at: new Date("2026-10-30T08:00:00Z") },
    { name: "1-day", at: new Date("2026-11-01T08:00:00Z") },
  ];
  const end = new Date("2026-11-03T00:00:00Z");

  it("picks the latest threshold already reached", () => {
    expect(currentThreshold(thresholds, new Date("2026-10-29T00:00:00Z"), end)).toBeUndefined();
    expect(currentThreshold(thresholds, new Date("2026-10-31T00:00:00Z"), end)).toBe("3-days");
    expect(currentThreshold(thresholds, new Date("2026-11-02T00:00:00Z"), end)).toBe("1-day");
  });

  it("says nothing once the deadline has passed", () => {
    expect(currentThreshold(thresholds, end, end)).toBeUndefined();
  });

  it("reminds about October's window at 08:00 Paris time on 30 October, 1 November and 2 November", () => {
    const { thresholds: october, closesAt } = billingWindowThresholds("2026-10", "Europe/Paris");
    expect(october).toEqual([
      { name: "threeDays", at: new Date("2026-10-30T07:00:00Z") },
      { name: "oneDay", at: new Date("2026-11-01T07:00:00Z") },
      { name: "lastDay", at: new Date("2026-11-02T07:00:00Z") },
    ]);
    expect(closesAt).toEqual(new Date("2026-11-02T23:00:00Z"));
  });
});
