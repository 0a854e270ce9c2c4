// Billing submissions: who may submit, against which engagements, with which values, and how
// the vendor's decisions and corrections move them on.
import { describe, expect, it } from "vitest";
import {
  type BillingEntry,
  type SubmissionContext,
  billingIdempotencyKey,
  decideBillingEntry,
  isOverdue,
  submitBillingEntry,
} from "../../../src/workflows/engagements/domain/billing";
import { type BillingDraft, checkBillingDraft } from "../../../src/workflows/engagements/domain/billing-draft";
import { monthlyTotals } from "../../../src/workflows/engagements/domain/billing-totals";
import type { Engagement } from "../../../src/workflows/engagements/domain/engagements";
import type { Actor, Role } from "../../../src/platform/domain/roles";
import { engagementRequest } from "../../support/fixtures";

const now = new Date("2026-11-02T10:00:00Z");
const engagement: Engagement = engagementRequest("org-1", "ENG-1042", {
  id: "eng-1",
  title: "Managed backup",
  clientName: "Contoso",
  productName: "Backup",
  requestedAt: new Date("2026-09-01T00:00:00Z"),
  state: "approved",
  version: 2,
});
const actor = (role: Role = "billing"): Actor => ({ organisationId: "org-1", aadObjectId: "aad-ana", name: "Ana", role });
const context = (overrides: Partial<SubmissionContext> = {}): SubmissionContext => ({
  id: "entry-1",
  reference: "ENG-1042-B1",
  idempotencyKey: billingIdempotencyKey("eng-1", "nonce-1"),
  timeZone: "UTC",
  now,
  ...overrides,
});

function draft(input: Parameters<typeof checkBillingDraft>[0] = {}): BillingDraft {
  const checked = checkBillingDraft(
    { quantity: "10", unit: "hour", unitCost: "12.50", currency: "EUR", month: "2026-10", ...input },
    { engagement, timeZone: "UTC", now, currencies: ["EUR", "USD"] },
  );
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.value;
}

function submitted(overrides: Partial<BillingEntry> = {}): BillingEntry {
  const result = submitBillingEntry(engagement, draft(), actor(), context());
  if (!result.ok) throw new Error(result.refusal.code);
  return { ...result.value.entry, ...overrides };
}

describe("the billing entry form", () => {
  it("shows every problem at once, each next to its field", () => {
    const checked = checkBillingDraft(
      { quantity: "0", unit: "parsec", unitCost: "-1", currency: "EURO", month: "2026-12", notes: "x".repeat(1001) },
      { engagement, timeZone: "UTC", now, currencies: ["EUR", "USD"] },
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.fromEntries(Object.entries(checked.problems).map(([field, refusal]) => [field, refusal?.code]))).toEqual({
      quantity: "quantity_invalid",
      unit: "unit_invalid",
      unitCost: "unit_cost_invalid",
      currency: "currency_invalid",
      month: "billing_month_in_future",
      notes: "notes_too_long",
    });
    expect(checked.problems.quantity?.facts).toMatchObject({ rule: "not_positive" });
  });

  it("requires quantity, unit, unit cost, currency and month", () => {
    const checked = checkBillingDraft({ quantity: " ", notes: "" }, { engagement, timeZone: "UTC", now, currencies: ["EUR", "USD"] });
    expect(checked.ok ? [] : Object.keys(checked.problems).sort()).toEqual(["currency", "month", "quantity", "unit", "unitCost"]);
  });

  it("refuses a real ISO currency the organisation does not bill in, and reads an allowed one however it is written", () => {
    const rules = { engagement, timeZone: "UTC", now, currencies: ["EUR", "USD"] };
    const inputs = { quantity: "10", unit: "hour", unitCost: "12.50", month: "2026-10" };
    const refused = checkBillingDraft({ ...inputs, currency: "JPY" }, rules);
    expect(refused.ok ? undefined : refused.problems.currency).toEqual({ code: "currency_not_offered", facts: { currency: "JPY", offered: "EUR, USD" } });
    expect(checkBillingDraft({ ...inputs, currency: " usd" }, rules)).toMatchObject({ ok: true, value: { currency: "USD" } });
  });

  it("computes the amount shown on the review step", () => {
    expect(draft({ quantity: "3", unitCost: "0.1" }).amount).toBe("0.30");
  });
});

describe("submitting a billing entry", () => {
  it("records the submission and one history event at the next engagement version", () => {
    const result = submitBillingEntry(engagement, draft({ notes: " weekend work " }), actor(), context());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.entry).toMatchObject({ state: "submitted", amount: "125.00", notes: "weekend work", submittedById: "aad-ana" });
    expect(result.value.transition.engagement.version).toBe(3);
    expect(result.value.transition.events).toEqual([
      expect.objectContaining({
        action: "billing_submitted",
        sequence: 3,
        actorName: "Ana",
        details: expect.objectContaining({ reference: "ENG-1042-B1", amount: "125.00" }),
      }),
    ]);
  });

  it("lets only the billing and admin roles add entries", () => {
    expect(submitBillingEntry(engagement, draft(), actor("admin"), context()).ok).toBe(true);
    for (const role of ["approver", "viewer"] as const) {
      expect(submitBillingEntry(engagement, draft(), actor(role), context())).toMatchObject({ ok: false, refusal: { code: "not_permitted" } });
    }
  });

  it("takes entries only for approved engagements not yet completed", () => {
    for (const state of ["pending", "rejected", "completed", "retired"] as const) {
      expect(submitBillingEntry({ ...engagement, state }, draft(), actor(), context())).toMatchObject({
        ok: false,
        refusal: { code: "not_billable", facts: { state } },
      });
    }
    expect(submitBillingEntry({ ...engagement, state: "completion_requested" }, draft(), actor(), context()).ok).toBe(true);
  });

  it("refuses an engagement of another organisation as if it did not exist", () => {
    expect(submitBillingEntry({ ...engagement, organisationId: "org-2" }, draft(), actor(), context())).toMatchObject({
      ok: false,
      refusal: { code: "not_found" },
    });
  });

  it("refuses October billing after 2 November ends in the organisation's zone, even from a form filled in before", () => {
    const late = context({ now: new Date("2026-11-02T23:00:00Z"), timeZone: "Europe/Paris" });
    expect(submitBillingEntry(engagement, draft(), actor(), late)).toMatchObject({ ok: false, refusal: { code: "billing_window_closed" } });
  });
});

describe("the vendor's decision", () => {
  const rated = { outcome: "rated", decisionId: "dec-1", decidedAt: now, ratedAmount: "120" } as const;

  it("rates a submission at the vendor's price, rounded to the currency, with a history event", () => {
    const result = decideBillingEntry(submitted(), { ...engagement, version: 3 }, rated, "http", now);
    expect(result.ok && result.value.kind).toBe("applied");
    if (!result.ok || result.value.kind !== "applied") return;
    expect(result.value.change.entry).toMatchObject({ state: "rated", decision: { decisionId: "dec-1", ratedAmount: "120.00", ratedCurrency: "EUR" } });
    expect(result.value.change.transition.events[0]).toMatchObject({ action: "billing_rated", sequence: 4, actorName: "Vendor" });
  });

  it("rates at the submitted amount when the vendor names no price", () => {
    const result = decideBillingEntry(submitted(), engagement, { outcome: "rated", decisionId: "d", decidedAt: now }, "import", now);
    expect(result.ok && result.value.kind === "applied" && result.value.change.entry.decision?.ratedAmount).toBe("125.00");
  });

  it("requires a reason to reject", () => {
    expect(decideBillingEntry(submitted(), engagement, { outcome: "rejected", decisionId: "d", decidedAt: now, reason: " " }, "http", now)).toMatchObject({
      ok: false,
      refusal: { code: "reason_required" },
    });
  });

  it("refuses a rated amount that is not a decimal", () => {
    expect(decideBillingEntry(submitted(), engagement, { ...rated, ratedAmount: "12e3" }, "http", now)).toMatchObject({
      ok: false,
      refusal: { code: "amount_invalid" },
    });
  });

  it("refuses a decision dated more than five minutes after it was received, naming decidedAt", () => {
    const future = { ...rated, decidedAt: new Date(now.getTime() + 6 * 60_000) };
    expect(decideBillingEntry(submitted(), engagement, future, "http", now)).toMatchObject({
      ok: false,
      refusal: { code: "timestamp_in_future", facts: { field: "decidedAt", at: "2026-11-02T10:06:00.000Z", now: "2026-11-02T10:00:00.000Z" } },
    });
    const skewed = { ...rated, decidedAt: new Date(now.getTime() + 4 * 60_000) };
    expect(decideBillingEntry(submitted(), engagement, skewed, "http", now)).toMatchObject({ ok: true, value: { kind: "applied" } });
  });

  it("refuses a decision dated before the submission it answers, naming decidedAt", () => {
    const entry = submitted();
    const early = { ...rated, decidedAt: new Date(entry.submittedAt.getTime() - 60_000) };
    expect(decideBillingEntry(entry, engagement, early, "http", now)).toMatchObject({
      ok: false,
      refusal: { code: "timestamp_before_event", facts: { field: "decidedAt", event: "submission", earliest: entry.submittedAt.toISOString() } },
    });
  });

  it("records the time it was received when the vendor does not say when it decided", () => {
    const { decidedAt: _decidedAt, ...undated } = rated;
    const result = decideBillingEntry(submitted(), engagement, undated, "import", now);
    expect(result.ok && result.value.kind === "applied" && result.value.change.entry.decision?.decidedAt).toEqual(now);
  });

  it("changes nothing when the same decision arrives again", () => {
    const decided = submitted({
      state: "rated",
      decision: { decisionId: "dec-1", source: "http", decidedAt: now, receivedAt: now, ratedAmount: "120.00", ratedCurrency: "EUR" },
    });
    expect(decideBillingEntry(decided, engagement, rated, "http", now)).toMatchObject({ ok: true, value: { kind: "unchanged" } });
  });

  it("refuses a new decision id on a rated entry even with the same outcome (a different amount is a contradiction, not a replay)", () => {
    const decided = submitted({
      state: "rated",
      decision: { decisionId: "dec-1", source: "http", decidedAt: now, receivedAt: now, ratedAmount: "120.00", ratedCurrency: "EUR" },
    });
    for (const again of [
      { ...rated, decisionId: "dec-2", ratedAmount: "99" },
      { ...rated, decisionId: "dec-2" },
    ]) {
      expect(decideBillingEntry(decided, engagement, again, "http", now)).toMatchObject({
        ok: false,
        refusal: { code: "already_decided", facts: { state: "rated" } },
      });
    }
  });

  it("refuses the same decision id sent again with other facts", () => {
    const decided = submitted({
      state: "rated",
      decision: { decisionId: "dec-1", source: "http", decidedAt: now, receivedAt: now, ratedAmount: "120.00", ratedCurrency: "EUR" },
    });
    expect(decideBillingEntry(decided, engagement, { ...rated, ratedAmount: "121" }, "http", now)).toMatchObject({
      ok: false,
      refusal: { code: "already_decided" },
    });
    expect(decideBillingEntry(decided, engagement, { ...rated, currency: "USD" }, "http", now)).toMatchObject({
      ok: false,
      refusal: { code: "already_decided" },
    });
    const rejected = submitted({ state: "rejected", decision: { decisionId: "dec-9", source: "http", decidedAt: now, receivedAt: now, reason: "wrong unit" } });
    const rejection = { outcome: "rejected", decisionId: "dec-9", decidedAt: now, reason: "wrong unit" } as const;
    expect(decideBillingEntry(rejected, engagement, rejection, "http", now)).toMatchObject({ ok: true, value: { kind: "unchanged" } });
    expect(decideBillingEntry(rejected, engagement, { ...rejection, reason: "wrong month" }, "http", now)).toMatchObject({
      ok: false,
      refusal: { code: "already_decided" },
    });
  });

  it("refuses a rejection whose reason is only zero-width characters", () => {
    expect(
      decideBillingEntry(submitted(), engagement, { outcome: "rejected", decisionId: "d", decidedAt: now, reason: "\u200b\u200c\ufeff" }, "http", now),
    ).toMatchObject({
      ok: false,
      refusal: { code: "reason_required" },
    });
  });

  it("refuses a decision that contradicts the one recorded", () => {
    const decided = submitted({ state: "rated", decision: { decisionId: "dec-1", source: "http", decidedAt: now, receivedAt: now } });
    const rejection = { outcome: "rejected", decisionId: "dec-2", decidedAt: now, reason: "wrong unit" } as const;
    expect(decideBillingEntry(decided, engagement, rejection, "http", now)).toMatchObject({
      ok: false,
      refusal: { code: "already_decided", facts: { state: "rated" } },
    });
  });
});

describe("correcting a rejected entry", () => {
  const rejected = () => submitted({ state: "rejected", decision: { decisionId: "d", source: "http", decidedAt: now, receivedAt: now, reason: "wrong unit" } });

  it("resubmits as a new entry that links the rejected one", () => {
    const result = submitBillingEntry(
      engagement,
      draft({ unit: "day" }),
      actor(),
      context({ id: "entry-2", reference: "ENG-1042-B2", supersedes: rejected() }),
    );
    expect(result.ok && result.value.entry).toMatchObject({ id: "entry-2", supersedesId: "entry-1", unit: "day", state: "submitted" });
  });

  it("refuses to correct an entry that was not rejected, or was corrected already", () => {
    expect(submitBillingEntry(engagement, draft(), actor(), context({ supersedes: submitted() }))).toMatchObject({
      ok: false,
      refusal: { code: "not_rejected" },
    });
    const corrected = { ...rejected(), supersededById: "entry-2" };
    expect(submitBillingEntry(engagement, draft(), actor(), context({ supersedes: corrected }))).toMatchObject({
      ok: false,
      refusal: { code: "already_resubmitted" },
    });
  });
});

describe("overdue submissions", () => {
  it("flags a submission still unrated 24 hours after it was sent", () => {
    const entry = submitted();
    expect(isOverdue(entry, new Date(now.getTime() + 24 * 3600_000 - 1))).toBe(false);
    expect(isOverdue(entry, new Date(now.getTime() + 24 * 3600_000))).toBe(true);
  });

  it("never flags a decided submission", () => {
    expect(isOverdue(submitted({ state: "rated" }), new Date("2027-01-01T00:00:00Z"))).toBe(false);
  });
});

describe("totals per month", () => {
  it("adds pending and rated amounts per month and currency, leaving rejected entries out", () => {
    const decision = { decisionId: "d", source: "http", decidedAt: now, receivedAt: now } as const;
    const totals = monthlyTotals([
      submitted({ amount: "100.10" }),
      submitted({ amount: "50.00", state: "rated", decision: { ...decision, ratedAmount: "45.05", ratedCurrency: "EUR" } }),
      submitted({ amount: "999.00", state: "rejected" }),
      submitted({ amount: "10.00", usageMonth: "2026-09" }),
      submitted({ amount: "7", currency: "USD" }),
    ]);
    expect(totals).toEqual([
      { month: "2026-10", currency: "EUR", pending: "100.10", rated: "45.05", total: "145.15", entries: 3, rejected: 1 },
      { month: "2026-10", currency: "USD", pending: "7.00", rated: "0.00", total: "7.00", entries: 1, rejected: 0 },
      { month: "2026-09", currency: "EUR", pending: "10.00", rated: "0.00", total: "10.00", entries: 1, rejected: 0 },
    ]);
  });
});
