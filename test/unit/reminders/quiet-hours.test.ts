// Quiet hours are read on the recipient's own clock; a reminder due at night waits for morning.
import { describe, expect, it } from "vitest";
import { nextAllowedTime, parseQuietHours } from "../../../src/platform/reminders/quiet-hours";

const night = parseQuietHours("20:00-08:00");
if (night === "invalid" || night === undefined) throw new Error("fixture");

describe("quiet hours", () => {
  it("lets a reminder through at once during the day in the recipient's zone", () => {
    const now = new Date("2026-11-25T10:00:00Z"); // 11:00 in Paris
    expect(nextAllowedTime(now, "Europe/Paris", night)).toEqual(now);
  });

  it("holds a reminder planned at 22:00 in Paris until 08:00 the next morning in Paris", () => {
    const now = new Date("2026-11-25T21:00:00Z"); // 22:00 in Paris
    expect(nextAllowedTime(now, "Europe/Paris", night)).toEqual(new Date("2026-11-26T07:00:00Z"));
  });

  it("holds a reminder planned at 05:00 in Jakarta until 08:00 the same morning in Jakarta", () => {
    const now = new Date("2026-11-24T22:00:00Z"); // 05:00 on the 25th in Jakarta (UTC+7)
    expect(nextAllowedTime(now, "Asia/Jakarta", night)).toEqual(new Date("2026-11-25T01:00:00Z"));
  });

  it("judges the same instant quiet for one recipient and not for another", () => {
    const now = new Date("2026-11-25T14:00:00Z"); // 15:00 Paris, 21:00 Jakarta
    expect(nextAllowedTime(now, "Europe/Paris", night)).toEqual(now);
    expect(nextAllowedTime(now, "Asia/Jakarta", night)).toEqual(new Date("2026-11-26T01:00:00Z"));
  });

  it("ends quiet hours at 08:00 local time across a daylight-saving change", () => {
    const now = new Date("2026-03-28T22:00:00Z"); // 23:00 CET, the night clocks go forward in Paris
    expect(nextAllowedTime(now, "Europe/Paris", night)).toEqual(new Date("2026-03-29T06:00:00Z")); // 08:00 CEST
  });

  it("supports a daytime quiet period and none at all", () => {
    const lunch = parseQuietHours("12:00-13:30");
    if (lunch === "invalid" || lunch === undefined) throw new Error("fixture");
    expect(nextAllowedTime(new Date("2026-11-25T12:15:00Z"), "UTC", lunch)).toEqual(new Date("2026-11-25T13:30:00Z"));
    expect(parseQuietHours("")).toBeUndefined();
    const now = new Date("2026-11-25T23:00:00Z");
    expect(nextAllowedTime(now, "UTC", undefined)).toEqual(now);
  });

  it("rejects quiet hours that are not HH:MM-HH:MM", () => {
    expect(parseQuietHours("8pm-8am")).toBe("invalid");
    expect(parseQuietHours("25:00-08:00")).toBe("invalid");
    expect(parseQuietHours("08:00-08:00")).toBe("invalid");
  });
});
