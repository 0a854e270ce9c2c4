// The planning schedule is a cron pattern read in each organisation's own zone.
import { describe, expect, it } from "vitest";
import { scheduledTickBetween } from "../../../src/platform/reminders/schedule";

const nextScheduledTick = (pattern: string, zone: string, after: Date) => scheduledTickBetween(pattern, zone, after, new Date("2100-01-01T00:00:00Z"));

describe("the reminder schedule", () => {
  it("runs '0 8 * * *' at 08:00 Paris time for a Paris organisation and 08:00 Jakarta time for a Jakarta one", () => {
    const after = new Date("2026-11-25T00:00:00Z");
    expect(nextScheduledTick("0 8 * * *", "Europe/Paris", after)).toEqual(new Date("2026-11-25T07:00:00Z"));
    expect(nextScheduledTick("0 8 * * *", "Asia/Jakarta", after)).toEqual(new Date("2026-11-25T01:00:00Z"));
  });

  it("finds a tick that fell between two looks, and none when it did not", () => {
    const since = new Date("2026-11-25T06:59:00Z");
    expect(scheduledTickBetween("0 8 * * *", "Europe/Paris", since, new Date("2026-11-25T07:00:00Z"))).toEqual(new Date("2026-11-25T07:00:00Z"));
    expect(scheduledTickBetween("0 8 * * *", "Europe/Paris", since, new Date("2026-11-25T06:59:30Z"))).toBeUndefined();
  });

  it("counts a tick once even when several were missed during a long pause", () => {
    const tick = scheduledTickBetween("0 * * * *", "UTC", new Date("2026-11-25T00:30:00Z"), new Date("2026-11-25T05:10:00Z"));
    expect(tick).toEqual(new Date("2026-11-25T01:00:00Z"));
  });

  it("follows daylight saving: 08:00 in Paris is 07:00 UTC in winter and 06:00 UTC in summer", () => {
    expect(nextScheduledTick("0 8 * * *", "Europe/Paris", new Date("2026-03-28T12:00:00Z"))).toEqual(new Date("2026-03-29T06:00:00Z"));
    expect(nextScheduledTick("0 8 * * *", "Europe/Paris", new Date("2026-03-27T12:00:00Z"))).toEqual(new Date("2026-03-28T07:00:00Z"));
  });
});
