// Times read in the reader's zone: a message that says "at {time}" gets a time, not a date
// again; a zone that is only the organisation's stand-in for an unknown reader is named; and
// "today"/"tomorrow" are counted on the reader's calendar.
import { describe, expect, it } from "vitest";
import { formatMessage } from "../../../src/platform/i18n/catalog";
import { dayFromNow } from "../../../src/platform/i18n/days";
import { organisationMoment } from "../../../src/platform/i18n/organisation-time";
import { translator } from "../../../src/platform/i18n/translator";

const snoozedUntil = new Date("2026-12-02T09:17:00Z");

describe('a time after "at"', () => {
  it("is the time alone, in every language", () => {
    const values = { kindName: "Engagements waiting for approval", until: snoozedUntil, untilDay: "other" };
    const inUtc = { timeZone: "UTC", nameZone: false };
    expect(formatMessage("en", "reminders.snoozed", values, inUtc)).toBe("Engagements waiting for approval: snoozed until Dec 2, 2026 at 9:17 AM.");
    expect(formatMessage("fr", "reminders.snoozed", { ...values, kindName: "Engagements" }, inUtc)).toBe("Engagements : reporté jusqu'au 2 déc. 2026, 09:17.");
    expect(formatMessage("id", "reminders.snoozed", { ...values, kindName: "Engagement" }, inUtc)).toBe("Engagement: ditunda hingga 2 Des 2026 pukul 09.17.");
  });

  it("names its zone when the zone is not known to be the reader's", () => {
    const values = { kindName: "Engagements waiting for approval", until: snoozedUntil, untilDay: "tomorrow" };
    expect(formatMessage("en", "reminders.snoozed", values, { timeZone: "UTC", nameZone: true })).toBe(
      "Engagements waiting for approval: snoozed until tomorrow at 9:17 AM UTC.",
    );
  });
});

describe("a translator's date and time", () => {
  const lastMinute = new Date("2026-12-02T23:59:00Z");

  it("reads in the reader's own zone without naming it", () => {
    expect(translator("en", "Europe/Paris", "reader").formatDateTime(lastMinute)).toBe("Dec 3, 2026, 12:59 AM");
    expect(translator("fr", "Europe/Paris", "reader").formatDateTime(lastMinute)).toBe("3 déc. 2026, 00:59");
  });

  it("names the organisation's zone when it stands in for a reader whose zone Teams never sent", () => {
    expect(translator("en", "UTC", "organisation").formatDateTime(lastMinute)).toBe("Dec 2, 2026, 11:59 PM UTC");
    expect(translator("id", "Asia/Jakarta", "organisation").formatDateTime(lastMinute)).toBe("3 Des 2026, 06.59 WIB");
  });

  it("are built once per language, zone and whose zone it is", () => {
    expect(translator("fr", "Europe/Paris", "reader")).toBe(translator("fr", "Europe/Paris", "reader"));
    expect(translator("fr", "Europe/Paris", "reader")).not.toBe(translator("fr", "Europe/Paris", "organisation"));
  });
});

describe("today and tomorrow", () => {
  const now = new Date("2026-12-01T22:30:00Z");
  const soon = new Date("2026-12-02T00:30:00Z");

  it("are counted on the reader's calendar, not in 24-hour steps", () => {
    expect(dayFromNow(soon, now, "UTC")).toBe("tomorrow");
    expect(dayFromNow(soon, now, "Europe/Paris")).toBe("tomorrow");
    expect(dayFromNow(soon, now, "Asia/Jakarta")).toBe("today");
    expect(dayFromNow(new Date("2026-12-03T00:30:00Z"), now, "UTC")).toBe("other");
  });

  it("hold on a 25-hour day when the clocks go back", () => {
    // Paris leaves summer time on 25 October 2026: 00:30 and 23:30 that day are 24 hours apart.
    expect(dayFromNow(new Date("2026-10-25T22:30:00Z"), new Date("2026-10-24T22:30:00Z"), "Europe/Paris")).toBe("today");
  });
});

describe("a moment of the organisation's rule", () => {
  const lastMinute = new Date("2026-12-02T23:59:00Z");

  it("is also said in the organisation's zone, named, for a reader in Paris of an organisation on UTC", () => {
    expect(organisationMoment(translator("en", "Europe/Paris", "reader"), lastMinute, "UTC")).toEqual({
      zones: "differ",
      inOrganisation: "Dec 2, 2026, 11:59 PM UTC",
    });
  });

  it("needs no second mention when the reader's clock reads the same", () => {
    expect(organisationMoment(translator("en", "UTC", "organisation"), lastMinute, "UTC").zones).toBe("same");
    expect(organisationMoment(translator("en", "Europe/Brussels", "reader"), lastMinute, "Europe/Paris").zones).toBe("same");
  });
});
