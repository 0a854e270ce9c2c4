// Issue 17, "Reminders": a request pending for more than the organisation's configured number of
// days goes to its deciders, counted on the organisation's wall clock.
import { describe, expect, it } from "vitest";
import type { Role } from "../../../../src/platform/domain/roles";
import {
  parsePendingSlaDays,
  pendingOverdueAt,
  pendingReminder,
  PENDING_SLA_DAYS_DEFAULT,
  PENDING_SLA_DAYS_MAX,
} from "../../../../src/workflows/site-access/domain/pending-reminders";
import { members, pendingRequest, pia, rex, sam, site, sol, uma } from "./fixtures";

const roles = new Map<string, Role>([pia, sam, sol, uma, rex].map((actor) => [actor.userId, actor.role]));
const settings = { slaDays: 3, timeZone: "Asia/Jakarta" };
// Asked 23 Nov 15:00 in Jakarta (08:00 UTC): overdue 26 Nov 15:00 in Jakarta.
const request = pendingRequest();

describe("when a pending request is overdue", () => {
  it("is overdue the configured number of days later, at the same local time", () => {
    expect(pendingOverdueAt(request, 3, "Asia/Jakarta")).toEqual(new Date("2026-11-26T08:00:00Z"));
  });

  it("keeps the local time across a daylight-saving change (Paris, 25 October 2026)", () => {
    const asked = { requestedAt: new Date("2026-10-23T08:00:00Z") }; // 10:00 in Paris, summer time
    expect(pendingOverdueAt(asked, 3, "Europe/Paris")).toEqual(new Date("2026-10-26T09:00:00Z")); // 10:00, winter time
  });

  it("crosses a month's end and a leap day", () => {
    expect(pendingOverdueAt({ requestedAt: new Date("2028-02-27T17:30:00Z") }, 3, "Asia/Jakarta")).toEqual(new Date("2028-03-01T17:30:00Z"));
  });

  it("reminds nobody before the SLA has run out", () => {
    expect(pendingReminder(request, site, members, settings, roles, new Date("2026-11-26T07:59:59Z"))).toBeUndefined();
  });

  it("reminds the Primary Contact and approving Secondary Contacts once it has", () => {
    const reminder = pendingReminder(request, site, members, settings, roles, new Date("2026-11-26T08:00:00Z"));
    expect(reminder).toEqual({
      requestId: "req-1",
      siteNumber: "1234567",
      dueAt: new Date("2026-11-26T08:00:00Z"),
      recipients: {
        kind: "people",
        people: [
          { userId: "aad-pia", name: "Pia" },
          { userId: "aad-sam", name: "Sam" },
        ],
      },
    });
  });

  it("leaves out a contact whose role cannot decide, and reminds admins when nobody on the site can", () => {
    const viewersOnly = new Map<string, Role>([...roles, [pia.userId, "viewer"], [sam.userId, "viewer"]]);
    expect(pendingReminder(request, site, members, settings, viewersOnly, new Date("2026-11-27T00:00:00Z"))?.recipients).toEqual({
      kind: "roles",
      roles: ["admin"],
    });
  });

  it("never reminds decided requests or claims waiting for the vendor", () => {
    const later = new Date("2026-12-20T00:00:00Z");
    expect(pendingReminder(pendingRequest({ state: "approved" }), site, members, settings, roles, later)).toBeUndefined();
    expect(pendingReminder(pendingRequest({ state: "awaiting_vendor", claimsPrimaryContact: true }), site, members, settings, roles, later)).toBeUndefined();
  });
});

describe("the pending-request SLA setting", () => {
  it("takes whole days from 1 to 30, 3 by default", () => {
    expect(parsePendingSlaDays(PENDING_SLA_DAYS_DEFAULT)).toEqual({ ok: true, value: 3 });
    expect(parsePendingSlaDays("5")).toEqual({ ok: true, value: 5 });
    expect(parsePendingSlaDays(30)).toEqual({ ok: true, value: 30 });
  });

  it("refuses zero, fractions, words and more than 30 days", () => {
    for (const input of ["0", "2.5", "three", "31", ""]) {
      expect(parsePendingSlaDays(input)).toEqual({
        ok: false,
        refusal: { code: "sla_days_invalid", facts: { value: input, min: 1, max: PENDING_SLA_DAYS_MAX } },
      });
    }
  });
});
