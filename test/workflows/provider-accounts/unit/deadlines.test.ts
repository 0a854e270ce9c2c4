// Issue 16, "Reminders" and DOMAIN.md "Deadlines": an unmapped provider account is due from the
// moment it appears and is surfaced daily until mapped, to admins too after three days; a
// relationship request not accepted after the configured days is followed up by its sender,
// from local midnight in the organisation's zone.
import { describe, expect, it } from "vitest";
import {
  escalatesToAdmins,
  followUpDueAt,
  followUpReminders,
  invitationsAwaitingAcceptance,
  isFollowUpDue,
  unmappedDigestFor,
  unmappedOldestFirst,
} from "../../../../src/workflows/provider-accounts/domain/deadlines";
import type { ProviderAccount } from "../../../../src/workflows/provider-accounts/domain/provider-accounts";
import { ZProviderAccountSettingsSchema } from "../../../../src/workflows/provider-accounts/domain/settings";
import { admin, mappedToContoso, otherBilling, sentRequest, unmapped } from "./fixtures";

const week = ZProviderAccountSettingsSchema.parse({});
const account = (id: string, name: string, appearedAt: string): ProviderAccount => ({ ...unmapped, id, name, appearedAt: new Date(appearedAt) });
const older = account("pa-old", "Litware", "2026-11-27T09:00:00Z");
const newer = account("pa-new", "Fabrikam", "2026-11-30T18:00:00Z");

describe("unmapped provider accounts", () => {
  const now = new Date("2026-12-01T09:00:00Z");

  it("lists unmapped accounts oldest first with how long each has waited, leaving mapped ones out", () => {
    const listed = unmappedOldestFirst([newer, mappedToContoso, older], now);
    expect(listed.map(({ item, days, hours }) => [item.id, days, hours])).toEqual([
      ["pa-old", 4, 96],
      ["pa-new", 0, 15],
    ]);
  });

  it("escalates to admins after three whole days, not a minute before", () => {
    const appeared = account("pa-3", "Trey", "2026-11-28T09:00:00Z");
    expect(escalatesToAdmins(appeared, new Date("2026-12-01T08:59:00Z"))).toBe(false);
    expect(escalatesToAdmins(appeared, new Date("2026-12-01T09:00:00Z"))).toBe(true);
    expect(escalatesToAdmins({ ...appeared, state: "mapped" }, new Date("2026-12-05T09:00:00Z"))).toBe(false);
  });

  it("gives each billing user one digest item with the count and every unmapped account, oldest first", () => {
    const item = unmappedDigestFor("billing", [newer, older], now, { billingUsers: 2 });
    expect(item?.count).toBe(2);
    expect(item?.accounts.map(({ item: listed }) => listed.id)).toEqual(["pa-old", "pa-new"]);
  });

  it("gives admins only the accounts waiting three days or more", () => {
    const item = unmappedDigestFor("admin", [newer, older], now, { billingUsers: 2 });
    expect(item?.count).toBe(1);
    expect(item?.accounts[0]?.item.id).toBe("pa-old");
    expect(unmappedDigestFor("admin", [newer], now, { billingUsers: 2 })).toBeUndefined();
  });

  it("gives admins every unmapped account from the start where no billing user can map them", () => {
    expect(unmappedDigestFor("admin", [newer], now, { billingUsers: 0 })?.count).toBe(1);
  });

  it("says nothing to viewers and approvers, and nothing once all are mapped", () => {
    expect(unmappedDigestFor("viewer", [older], now, { billingUsers: 1 })).toBeUndefined();
    expect(unmappedDigestFor("approver", [older], now, { billingUsers: 1 })).toBeUndefined();
    expect(unmappedDigestFor("billing", [mappedToContoso], now, { billingUsers: 1 })).toBeUndefined();
  });
});

describe("following up a relationship request not accepted", () => {
  it("is due at local midnight seven days after the day it was sent, by default", () => {
    // Sent Monday 23 November, 10:30 in Paris: due from Monday 30 November, 00:00 Paris (23:00 UTC the day before).
    expect(followUpDueAt(sentRequest, week, "Europe/Paris")).toEqual(new Date("2026-11-29T23:00:00Z"));
  });

  it("counts days in the organisation's zone: a request sent late evening in Jakarta is of the next UTC day's date there", () => {
    // 18:30 UTC on 23 November is 01:30 on 24 November in Jakarta (UTC+7).
    const request = { sentAt: new Date("2026-11-23T18:30:00Z") };
    expect(followUpDueAt(request, week, "Asia/Jakarta")).toEqual(new Date("2026-11-30T17:00:00Z"));
    expect(followUpDueAt(request, week, "UTC")).toEqual(new Date("2026-11-30T00:00:00Z"));
  });

  it("is not due one minute before local midnight and is due at it", () => {
    const settings = { invitationFollowUpDays: 7 };
    expect(isFollowUpDue(sentRequest, settings, "Europe/Paris", new Date("2026-11-29T22:59:00Z"))).toBe(false);
    expect(isFollowUpDue(sentRequest, settings, "Europe/Paris", new Date("2026-11-29T23:00:00Z"))).toBe(true);
  });

  it("crosses month ends and the leap day", () => {
    const settings = { invitationFollowUpDays: 7 };
    expect(followUpDueAt({ sentAt: new Date("2028-02-25T12:00:00Z") }, settings, "UTC")).toEqual(new Date("2028-03-03T00:00:00Z"));
    expect(followUpDueAt({ sentAt: new Date("2027-02-25T12:00:00Z") }, settings, "UTC")).toEqual(new Date("2027-03-04T00:00:00Z"));
    expect(followUpDueAt({ sentAt: new Date("2026-12-28T12:00:00Z") }, settings, "UTC")).toEqual(new Date("2027-01-04T00:00:00Z"));
  });

  it("keeps local midnight across a change of clocks", () => {
    // Sent 20 October in Paris; clocks go back on Sunday 25 October: midnight is 22:00 UTC before, 23:00 UTC after.
    const sentAt = new Date("2026-10-20T10:00:00Z");
    expect(followUpDueAt({ sentAt }, { invitationFollowUpDays: 4 }, "Europe/Paris")).toEqual(new Date("2026-10-23T22:00:00Z"));
    expect(followUpDueAt({ sentAt }, { invitationFollowUpDays: 7 }, "Europe/Paris")).toEqual(new Date("2026-10-26T23:00:00Z"));
  });

  it("uses the configured number of days, from 1 to 90", () => {
    expect(followUpDueAt(sentRequest, ZProviderAccountSettingsSchema.parse({ invitationFollowUpDays: 3 }), "UTC")).toEqual(new Date("2026-11-26T00:00:00Z"));
    expect(ZProviderAccountSettingsSchema.safeParse({ invitationFollowUpDays: 0 }).success).toBe(false);
    expect(ZProviderAccountSettingsSchema.safeParse({ invitationFollowUpDays: 91 }).success).toBe(false);
  });

  it("is never due for an accepted or withdrawn request", () => {
    const late = new Date("2027-01-01T00:00:00Z");
    expect(isFollowUpDue({ ...sentRequest, state: "accepted" }, week, "UTC", late)).toBe(false);
    expect(isFollowUpDue({ ...sentRequest, state: "withdrawn" }, week, "UTC", late)).toBe(false);
  });

  it("reminds each sender once, with their requests oldest first, the customer's name and when each was sent", () => {
    const now = new Date("2026-12-01T09:00:00Z");
    const second = { ...sentRequest, id: "rr-2", customerName: "Coho Winery", sentAt: new Date("2026-11-20T09:00:00Z") };
    const bobs = { ...sentRequest, id: "rr-3", sentById: otherBilling.userId, sentByName: otherBilling.name, sentAt: new Date("2026-11-21T09:00:00Z") };
    const tooRecent = { ...sentRequest, id: "rr-4", sentAt: new Date("2026-11-28T09:00:00Z") };
    const reminders = followUpReminders([sentRequest, tooRecent, bobs, second], week, "UTC", now);
    expect(
      reminders.map((reminder) => [reminder.senderName, reminder.requests.map(({ item, days }) => [item.customerName, item.sentAt.toISOString(), days])]),
    ).toEqual([
      [
        "Bea Billing",
        [
          ["Coho Winery", "2026-11-20T09:00:00.000Z", 11],
          ["Northwind Traders", "2026-11-23T09:30:00.000Z", 7],
        ],
      ],
      ["Bob Billing", [["Northwind Traders", "2026-11-21T09:00:00.000Z", 10]]],
    ]);
    expect(reminders.some((reminder) => reminder.senderId === admin.userId)).toBe(false);
  });

  it("lists the invitations not accepted yet, oldest first", () => {
    const accepted = { ...sentRequest, id: "rr-5", state: "accepted" as const };
    const older = { ...sentRequest, id: "rr-6", sentAt: new Date("2026-11-01T09:00:00Z") };
    expect(invitationsAwaitingAcceptance([sentRequest, accepted, older]).map((request) => request.id)).toEqual(["rr-6", "rr-1"]);
  });
});
