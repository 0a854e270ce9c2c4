// Wall-clock time in an IANA zone: the earlier instant when a time happens twice, the end of the
// gap when it never happens, and a day that starts wherever the zone lets it start.
import { describe, expect, it } from "vitest";
import { wallClock, zonedMidnight, zonedTimeToUtc } from "../../../src/platform/domain/zoned-time";

const utc = (iso: string) => new Date(iso);

describe("the wall clock in a time zone", () => {
  it("reads the local date and time at an instant, across the year's end", () => {
    expect(wallClock(utc("2026-12-31T20:00:00Z"), "Asia/Jakarta")).toEqual({ year: 2027, month: 1, day: 1, hour: 3, minute: 0 });
    expect(wallClock(utc("2026-01-01T02:00:00Z"), "America/New_York")).toEqual({ year: 2025, month: 12, day: 31, hour: 21, minute: 0 });
  });

  it("reads midnight as hour 0, never 24", () => {
    expect(wallClock(utc("2026-11-25T23:00:00Z"), "Europe/Paris")).toMatchObject({ day: 26, hour: 0, minute: 0 });
  });

  it("follows zones whose offset is not a whole hour", () => {
    expect(wallClock(utc("2026-06-01T00:00:00Z"), "Asia/Kathmandu")).toMatchObject({ hour: 5, minute: 45 });
    expect(zonedTimeToUtc({ year: 2026, month: 1, day: 1, hour: 0, minute: 0 }, "Asia/Kathmandu")).toEqual(utc("2025-12-31T18:15:00Z"));
  });
});

describe("the instant a wall-clock time names", () => {
  it("uses the offset in force on that day, not today's", () => {
    expect(zonedTimeToUtc({ year: 2026, month: 1, day: 15, hour: 8, minute: 0 }, "Europe/Paris")).toEqual(utc("2026-01-15T07:00:00Z"));
    expect(zonedTimeToUtc({ year: 2026, month: 7, day: 15, hour: 8, minute: 0 }, "Europe/Paris")).toEqual(utc("2026-07-15T06:00:00Z"));
  });

  it("takes the earlier instant when clocks go back and the time happens twice, east and west of UTC", () => {
    // Paris goes from 03:00 CEST back to 02:00 CET on 25 October 2026: 02:30 is 00:30 or 01:30 UTC.
    expect(zonedTimeToUtc({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, "Europe/Paris")).toEqual(utc("2026-10-25T00:30:00Z"));
    // New York goes from 02:00 EDT back to 01:00 EST on 1 November 2026: 01:30 is 05:30 or 06:30 UTC.
    expect(zonedTimeToUtc({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, "America/New_York")).toEqual(utc("2026-11-01T05:30:00Z"));
    // Lord Howe Island moves its clocks by only 30 minutes: 01:45 on 5 April 2026 is 14:45 or 15:15 UTC.
    expect(zonedTimeToUtc({ year: 2026, month: 4, day: 5, hour: 1, minute: 45 }, "Australia/Lord_Howe")).toEqual(utc("2026-04-04T14:45:00Z"));
  });

  it("takes the first valid minute after the gap when clocks go forward past the time", () => {
    // Paris skips 02:00-03:00 on 29 March 2026: 02:30 becomes 03:00 CEST, not 03:30.
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, "Europe/Paris")).toEqual(utc("2026-03-29T01:00:00Z"));
    // New York skips 02:00-03:00 on 8 March 2026.
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, "America/New_York")).toEqual(utc("2026-03-08T07:00:00Z"));
    // Lord Howe skips 02:00-02:30 on 4 October 2026.
    expect(zonedTimeToUtc({ year: 2026, month: 10, day: 4, hour: 2, minute: 15 }, "Australia/Lord_Howe")).toEqual(utc("2026-10-03T15:30:00Z"));
  });

  it("keeps a time just outside a gap or an overlap exact", () => {
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 29, hour: 1, minute: 59 }, "Europe/Paris")).toEqual(utc("2026-03-29T00:59:00Z"));
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 29, hour: 3, minute: 0 }, "Europe/Paris")).toEqual(utc("2026-03-29T01:00:00Z"));
    expect(zonedTimeToUtc({ year: 2026, month: 10, day: 25, hour: 3, minute: 0 }, "Europe/Paris")).toEqual(utc("2026-10-25T02:00:00Z"));
  });

  it("rolls fields over the month's and the year's end", () => {
    expect(zonedTimeToUtc({ year: 2026, month: 12, day: 32, hour: 0, minute: 0 }, "UTC")).toEqual(utc("2027-01-01T00:00:00Z"));
    expect(zonedTimeToUtc({ year: 2027, month: 0, day: 1, hour: 0, minute: 0 }, "Asia/Jakarta")).toEqual(utc("2026-11-30T17:00:00Z"));
  });
});

describe("the start of a calendar day", () => {
  it("is local midnight, in the offset of that day", () => {
    expect(zonedMidnight({ year: 2026, month: 11, day: 3 }, "Europe/Paris")).toEqual(utc("2026-11-02T23:00:00Z"));
    expect(zonedMidnight({ year: 2026, month: 4, day: 3 }, "Europe/Paris")).toEqual(utc("2026-04-02T22:00:00Z"));
  });

  it("is the first instant after the gap where a zone skips midnight", () => {
    // Paraguay moved its clocks from 00:00 to 01:00 on 1 October 2023.
    expect(zonedMidnight({ year: 2023, month: 10, day: 1 }, "America/Asuncion")).toEqual(utc("2023-10-01T04:00:00Z"));
    // Chile moves from 00:00 to 01:00 on 6 September 2026.
    expect(zonedMidnight({ year: 2026, month: 9, day: 6 }, "America/Santiago")).toEqual(utc("2026-09-06T04:00:00Z"));
  });

  it("is the start of the next day for a day the zone skipped entirely", () => {
    // Samoa jumped from the end of 29 December 2011 (UTC-10) to 31 December (UTC+14).
    expect(zonedMidnight({ year: 2011, month: 12, day: 30 }, "Pacific/Apia")).toEqual(utc("2011-12-30T10:00:00Z"));
    expect(zonedMidnight({ year: 2011, month: 12, day: 31 }, "Pacific/Apia")).toEqual(utc("2011-12-30T10:00:00Z"));
  });

  it("is the one midnight after an overlap that repeats the evening before", () => {
    // Santiago goes back from 24:00 on 4 April 2026 to 23:00: 23:30 on the 4th happens twice
    // (the earlier one counts), midnight of the 5th once, after both.
    expect(zonedTimeToUtc({ year: 2026, month: 4, day: 4, hour: 23, minute: 30 }, "America/Santiago")).toEqual(utc("2026-04-05T02:30:00Z"));
    expect(zonedMidnight({ year: 2026, month: 4, day: 5 }, "America/Santiago")).toEqual(utc("2026-04-05T04:00:00Z"));
  });
});

describe("a wall time asked for again", () => {
  it("names the same instant each time, in each zone, gap and overlap included", () => {
    const asks = [
      [{ year: 2026, month: 11, day: 1, hour: 0, minute: 0 }, "Europe/Paris", "2026-10-31T23:00:00Z"],
      [{ year: 2026, month: 11, day: 1, hour: 0, minute: 0 }, "Asia/Jakarta", "2026-10-31T17:00:00Z"],
      [{ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, "Europe/Paris", "2026-03-29T01:00:00Z"],
      [{ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, "Europe/Paris", "2026-10-25T00:30:00Z"],
    ] as const;
    for (let round = 0; round < 3; round += 1) {
      for (const [time, zone, instant] of asks) expect(zonedTimeToUtc(time, zone), `${zone} round ${round}`).toEqual(utc(instant));
    }
  });

  it("gives each caller its own date: changing one changes no later answer", () => {
    const first = zonedMidnight({ year: 2026, month: 12, day: 3 }, "Europe/Paris");
    first.setUTCFullYear(1999);
    expect(zonedMidnight({ year: 2026, month: 12, day: 3 }, "Europe/Paris")).toEqual(utc("2026-12-02T23:00:00Z"));
  });

  it("stays right after more wall times than it keeps", () => {
    for (let day = 0; day < 10_050; day += 1) zonedMidnight({ year: 2000, month: 1, day: 1 + day }, "UTC");
    expect(zonedMidnight({ year: 2026, month: 1, day: 1 }, "Europe/Paris")).toEqual(utc("2025-12-31T23:00:00Z"));
    expect(zonedMidnight({ year: 2000, month: 1, day: 1 }, "UTC")).toEqual(utc("2000-01-01T00:00:00Z"));
  });
});
