// "Anything due today?" means until tonight's midnight in the organisation's zone, on every
// day of the year, including the 25-hour day when the clocks go back.
import { describe, expect, it } from "vitest";
import { rangeEnd } from "../../../src/platform/bot/intents/deadlines";

describe("today's deadlines", () => {
  it("end at the next local midnight on the day Paris falls back an hour", () => {
    // 00:30 on Sunday 25 October 2026 in Paris (still summer time, UTC+2).
    const now = new Date("2026-10-24T22:30:00Z");
    // Monday 26 October 00:00 in Paris, winter time (UTC+1).
    expect(rangeEnd("today", now, "Europe/Paris")).toEqual(new Date("2026-10-25T23:00:00Z"));
  });

  it("end at the next local midnight on the day New York springs forward", () => {
    expect(rangeEnd("today", new Date("2026-03-08T05:30:00Z"), "America/New_York")).toEqual(new Date("2026-03-09T04:00:00Z"));
  });
});
