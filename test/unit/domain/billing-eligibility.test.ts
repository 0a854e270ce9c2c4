// Which months an engagement can bill: every open month while approved, and after completion
// only the months up to the completion month, while their windows stay open.
import { describe, expect, it } from "vitest";
import { submitBillingEntry } from "../../../src/workflows/engagements/domain/billing";
import { checkBillingDraft } from "../../../src/workflows/engagements/domain/billing-draft";
import { billableMonths, checkBillableMonth, takesBillingEntries } from "../../../src/workflows/engagements/domain/billing-eligibility";
import type { Engagement } from "../../../src/workflows/engagements/domain/engagements";
import { engagementRequest } from "../../support/fixtures";

const approved: Engagement = engagementRequest("org-1", "ENG-1042", { id: "eng-1", state: "approved", version: 3 });
const completedAt = (at: string): Engagement => ({ ...approved, state: "completed", completedAt: new Date(at) });
const billing = { organisationId: "org-1", aadObjectId: "aad-bea", name: "Bea", role: "billing" } as const;

describe("the months an engagement can bill", () => {
  it("lists the month whose window closes first first: on 1 and 2 November, October before November", () => {
    expect(billableMonths(approved, "UTC", new Date("2026-11-01T00:00:00Z"))).toEqual(["2026-10", "2026-11"]);
    expect(billableMonths(approved, "UTC", new Date("2026-11-02T23:59:59Z"))).toEqual(["2026-10", "2026-11"]);
    expect(billableMonths(approved, "UTC", new Date("2026-11-03T00:00:00Z"))).toEqual(["2026-11"]);
    // In January the month closing first is December of the year before.
    expect(billableMonths(approved, "Asia/Jakarta", new Date("2027-01-02T16:00:00Z"))).toEqual(["2026-12", "2027-01"]);
  });

  it("keeps both open months for an engagement the client asked to close", () => {
    expect(billableMonths({ ...approved, state: "completion_requested" }, "UTC", new Date("2026-11-02T10:00:00Z"))).toEqual(["2026-10", "2026-11"]);
  });

  it("still takes October and November on 2 November from an engagement completed that morning", () => {
    const completed = completedAt("2026-11-02T08:00:00Z");
    expect(billableMonths(completed, "UTC", new Date("2026-11-02T10:00:00Z"))).toEqual(["2026-10", "2026-11"]);
    expect(takesBillingEntries(completed, "UTC", new Date("2026-11-02T10:00:00Z"))).toBe(true);
  });

  it("takes only October on 2 November from an engagement completed in October, and refuses November", () => {
    const completed = completedAt("2026-10-30T12:00:00Z");
    const now = new Date("2026-11-02T10:00:00Z");
    expect(billableMonths(completed, "UTC", now)).toEqual(["2026-10"]);
    expect(checkBillableMonth(completed, "2026-11", "UTC", now)).toMatchObject({
      ok: false,
      refusal: { code: "billing_after_completion", facts: { reference: "ENG-1042", month: "2026-10" } },
    });
  });

  it("takes nothing once the window of the completion month has closed", () => {
    const completed = completedAt("2026-11-02T08:00:00Z");
    expect(billableMonths(completed, "UTC", new Date("2026-12-02T23:59:00Z"))).toEqual(["2026-11"]);
    expect(takesBillingEntries(completed, "UTC", new Date("2026-12-03T00:00:00Z"))).toBe(false);
  });

  it("reads the completion month in the organisation's zone", () => {
    // 23:30 UTC on 31 October is already 1 November in Paris: November is the last month there.
    const completed = completedAt("2026-10-31T23:30:00Z");
    const now = new Date("2026-11-02T10:00:00Z");
    expect(billableMonths(completed, "Europe/Paris", now)).toEqual(["2026-10", "2026-11"]);
    expect(billableMonths(completed, "UTC", now)).toEqual(["2026-10"]);
  });

  it("takes nothing from a completed engagement whose completion time is unknown, nor from pending, rejected or retired ones", () => {
    const now = new Date("2026-11-02T10:00:00Z");
    for (const state of ["completed", "pending", "rejected", "retired"] as const) {
      expect(billableMonths({ ...approved, state }, "UTC", now)).toEqual([]);
    }
  });
});

describe("billing a completed engagement", () => {
  const now = new Date("2026-11-02T10:00:00Z");
  const context = { id: "entry-1", reference: "ENG-1042-B1", idempotencyKey: "eng-1:n", timeZone: "UTC", now };
  const draftFor = (engagement: Engagement, month: string) => {
    const checked = checkBillingDraft(
      { quantity: "1", unit: "day", unitCost: "100", currency: "EUR", month },
      { engagement, timeZone: "UTC", now, currencies: ["EUR"] },
    );
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    return checked.value;
  };

  it("records an entry for the completion month while its window is open", () => {
    const completed = completedAt("2026-10-30T12:00:00Z");
    expect(submitBillingEntry(completed, draftFor(completed, "2026-10"), billing, context)).toMatchObject({
      ok: true,
      value: { entry: { usageMonth: "2026-10" } },
    });
  });

  it("refuses a month after the completion month, in the draft and again on submit", () => {
    const completed = completedAt("2026-10-30T12:00:00Z");
    const checked = checkBillingDraft(
      { quantity: "1", unit: "day", unitCost: "100", currency: "EUR", month: "2026-11" },
      { engagement: completed, timeZone: "UTC", now, currencies: ["EUR"] },
    );
    expect(checked.ok ? undefined : checked.problems.month?.code).toBe("billing_after_completion");
    expect(submitBillingEntry(completed, draftFor(approved, "2026-11"), billing, context)).toMatchObject({
      ok: false,
      refusal: { code: "billing_after_completion" },
    });
  });

  it("refuses any entry once the completion month's window has closed", () => {
    const completed = completedAt("2026-10-30T12:00:00Z");
    const late = { ...context, now: new Date("2026-11-03T00:00:00Z") };
    expect(submitBillingEntry(completed, draftFor(approved, "2026-11"), billing, late)).toMatchObject({
      ok: false,
      refusal: { code: "not_billable", facts: { state: "completed", reference: "ENG-1042" } },
    });
  });
});
