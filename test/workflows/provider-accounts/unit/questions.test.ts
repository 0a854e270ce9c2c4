// Issue 16, "In Teams": what was mapped this week (from Monday midnight in the organisation's
// zone), and whether a given customer accepted the invitation.
import { describe, expect, it } from "vitest";
import type { ProviderAccount } from "../../../../src/workflows/provider-accounts/domain/provider-accounts";
import { latestRequestFor, mappedThisWeek, weekStart } from "../../../../src/workflows/provider-accounts/domain/questions";
import { mappedToContoso, sentRequest, unmapped } from "./fixtures";

const mappedAt = (id: string, at: string): ProviderAccount => ({
  ...mappedToContoso,
  id,
  mapping: { ...mappedToContoso.mapping!, at: new Date(at) },
});

describe("this week", () => {
  it("starts on Monday at midnight in the organisation's zone", () => {
    // Wednesday 2 December 2026.
    expect(weekStart(new Date("2026-12-02T12:00:00Z"), "Europe/Paris")).toEqual(new Date("2026-11-29T23:00:00Z"));
    expect(weekStart(new Date("2026-12-02T12:00:00Z"), "UTC")).toEqual(new Date("2026-11-30T00:00:00Z"));
  });

  it("has begun in Jakarta while it is still Sunday in UTC", () => {
    // Sunday 29 November, 18:00 UTC, is Monday 30 November, 01:00 in Jakarta.
    expect(weekStart(new Date("2026-11-29T18:00:00Z"), "Asia/Jakarta")).toEqual(new Date("2026-11-29T17:00:00Z"));
    expect(weekStart(new Date("2026-11-29T18:00:00Z"), "UTC")).toEqual(new Date("2026-11-23T00:00:00Z"));
  });

  it("is Monday's own midnight on a Monday, across a month and a year end", () => {
    expect(weekStart(new Date("2027-01-01T12:00:00Z"), "UTC")).toEqual(new Date("2026-12-28T00:00:00Z"));
    expect(weekStart(new Date("2026-11-30T00:00:00Z"), "UTC")).toEqual(new Date("2026-11-30T00:00:00Z"));
  });

  it("lists accounts mapped since Monday, newest first, leaving out older and unmapped ones", () => {
    const now = new Date("2026-12-02T12:00:00Z");
    const accounts = [
      mappedAt("pa-mon", "2026-11-30T08:00:00Z"),
      mappedAt("pa-last-week", "2026-11-29T22:00:00Z"),
      mappedAt("pa-tue", "2026-12-01T08:00:00Z"),
      unmapped,
    ];
    expect(mappedThisWeek(accounts, now, "UTC").map((account) => account.id)).toEqual(["pa-tue", "pa-mon"]);
  });
});

describe("whether a customer accepted the invitation", () => {
  const accepted = { ...sentRequest, id: "rr-2", customerName: "Coho Winery", primaryDomain: "cohowinery.com", state: "accepted" as const };
  const resent = { ...sentRequest, id: "rr-3", sentAt: new Date("2026-11-28T09:00:00Z") };

  it("finds the latest request for a customer named roughly as it was sent", () => {
    expect(latestRequestFor("northwind traders ltd", [sentRequest, accepted, resent])?.id).toBe("rr-3");
    expect(latestRequestFor("Coho", [sentRequest, accepted])?.state).toBe("accepted");
  });

  it("finds it by the customer's primary domain", () => {
    expect(latestRequestFor("CohoWinery.com", [sentRequest, accepted])?.id).toBe("rr-2");
  });

  it("finds nothing for a customer no request was sent to", () => {
    expect(latestRequestFor("Fabrikam", [sentRequest, accepted])).toBeUndefined();
    expect(latestRequestFor(" ", [sentRequest])).toBeUndefined();
  });
});
