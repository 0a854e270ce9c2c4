import { describe, expect, it } from "vitest";
import { rangeEnd } from "../../../src/platform/bot/intents/deadlines";

describe("how far 'today', 'this week' and 'this month' reach", () => {
  const now = new Date("2026-11-25T10:00:00Z");

  it("ends today at midnight in the organisation's zone", () => {
    expect(rangeEnd("today", now, "UTC")).toEqual(new Date("2026-11-26T00:00:00Z"));
    expect(rangeEnd("today", now, "Asia/Jakarta")).toEqual(new Date("2026-11-25T17:00:00Z"));
  });

  it("reaches seven days ahead for this week", () => {
    expect(rangeEnd("week", now, "UTC")).toEqual(new Date("2026-12-02T10:00:00Z"));
  });

  it("ends this month when the next one begins, across the year's end", () => {
    expect(rangeEnd("month", now, "Europe/Paris")).toEqual(new Date("2026-11-30T23:00:00Z"));
    expect(rangeEnd("month", new Date("2026-12-15T10:00:00Z"), "UTC")).toEqual(new Date("2027-01-01T00:00:00Z"));
  });
});
