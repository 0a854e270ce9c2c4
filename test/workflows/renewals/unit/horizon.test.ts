// Issue 17, "Renewals": a line item is due on its end date, within the 180-day horizon from 180
// days before, and reminded 180, 90, 60 and 30 days before its end while not yet quoted, all on
// the organisation's calendar.
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, todayIn } from "../../../../src/workflows/renewals/domain/calendar-dates";
import { daysUntilDue, isWithinHorizon, lapsesAt, reminderStage, renewalReminder, stageStartsAt } from "../../../../src/workflows/renewals/domain/horizon";
import { lineItem, zone } from "./fixtures";

const item = lineItem(); // ends 31 March 2027

describe("the due date and the 180-day horizon", () => {
  it("counts days to the end date on the organisation's calendar", () => {
    // 30 March 2027 17:00 UTC is already 31 March, 00:00 in Jakarta: due today.
    expect(daysUntilDue(item, zone, new Date("2027-03-30T16:59:59Z"))).toBe(1);
    expect(daysUntilDue(item, zone, new Date("2027-03-30T17:00:00Z"))).toBe(0);
    expect(daysUntilDue(item, "America/New_York", new Date("2027-03-31T03:59:59Z"))).toBe(1);
  });

  it("lapses at the local midnight that ends the end date", () => {
    expect(lapsesAt(item, zone)).toEqual(new Date("2027-03-31T17:00:00Z"));
    expect(daysUntilDue(item, zone, new Date("2027-03-31T17:00:00Z"))).toBe(-1);
  });

  it("enters the horizon at the local midnight starting the day 180 days before the end", () => {
    expect(addDays("2027-03-31", -180)).toBe("2026-10-02");
    expect(isWithinHorizon(item, zone, new Date("2026-10-01T16:59:59Z"))).toBe(false);
    expect(isWithinHorizon(item, zone, new Date("2026-10-01T17:00:00Z"))).toBe(true);
    expect(isWithinHorizon(item, zone, new Date("2027-03-31T17:00:00Z"))).toBe(false);
  });

  it("counts a leap day: 180 days before 27 August 2028 is 29 February 2028", () => {
    expect(addDays("2028-08-27", -180)).toBe("2028-02-29");
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2027-02-28", "2027-03-01")).toBe(1);
  });

  it("reads today's date in the zone across a year's end", () => {
    expect(todayIn(zone, new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
    expect(todayIn("UTC", new Date("2026-12-31T17:00:00Z"))).toBe("2026-12-31");
  });
});

describe("renewal reminders", () => {
  it("starts each stage at local midnight, 180, 90, 60 and 30 days before the end", () => {
    expect([180, 90, 60, 30].map((stage) => stageStartsAt("2027-03-31", stage, zone).toISOString())).toEqual([
      "2026-10-01T17:00:00.000Z",
      "2026-12-30T17:00:00.000Z",
      "2027-01-29T17:00:00.000Z",
      "2027-02-28T17:00:00.000Z",
    ]);
  });

  it("is in no stage before the horizon, then in the nearest stage whose day has come", () => {
    expect(reminderStage(item, zone, new Date("2026-10-01T16:59:59Z"))).toBeUndefined();
    expect(reminderStage(item, zone, new Date("2026-10-01T17:00:00Z"))).toBe(180);
    expect(reminderStage(item, zone, new Date("2026-12-30T17:00:00Z"))).toBe(90);
    expect(reminderStage(item, zone, new Date("2027-01-29T16:59:59Z"))).toBe(90);
    expect(reminderStage(item, zone, new Date("2027-01-29T17:00:00Z"))).toBe(60);
    expect(reminderStage(item, zone, new Date("2027-03-31T16:59:59Z"))).toBe(30);
  });

  it("sends an item first seen 45 days before its end the 60-day reminder only", () => {
    const reminder = renewalReminder(item, zone, new Date("2027-02-14T03:00:00Z"));
    expect(reminder).toMatchObject({ key: "renewal:ri-1:60", stage: 60, dueAt: new Date("2027-01-29T17:00:00Z") });
  });

  it("reminds nothing for quoted, renewed, lost or lapsed items", () => {
    const during = new Date("2027-03-01T00:00:00Z");
    for (const state of ["quoted", "renewed", "lost"] as const) expect(renewalReminder(lineItem({ state }), zone, during)).toBeUndefined();
    expect(renewalReminder(item, zone, new Date("2027-04-01T00:00:00Z"))).toBeUndefined();
  });

  it("goes to the account's owner, or to the billing users when the account has none", () => {
    const during = new Date("2027-03-01T00:00:00Z");
    expect(renewalReminder(lineItem({ ownerUserId: "aad-ari" }), zone, during)?.recipients).toEqual({ kind: "owner", userId: "aad-ari" });
    expect(renewalReminder(item, zone, during)?.recipients).toEqual({ kind: "roles", roles: ["billing"] });
  });

  it("keeps a stage's local midnight across a daylight-saving change (Paris, 28 March 2027)", () => {
    // 30 days before 27 April 2027 is 28 March, the day Paris moves to summer time at 02:00.
    expect(stageStartsAt("2027-04-27", 30, "Europe/Paris")).toEqual(new Date("2027-03-27T23:00:00Z"));
    expect(stageStartsAt("2027-04-28", 30, "Europe/Paris")).toEqual(new Date("2027-03-28T22:00:00Z"));
  });
});
