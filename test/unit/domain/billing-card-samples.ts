// Representative renderings of the billing cards for the card template test
// (test/unit/cards/templates.test.ts): the heaviest cases (a full entries list, every field in
// error) so the 28 KB budget and Teams' rules are checked where they bite.
import type { AdaptiveCard } from "../../../src/platform/cards/render";
import type { BillingEntry } from "../../../src/workflows/engagements/domain/billing";
import { checkBillingDraft } from "../../../src/workflows/engagements/domain/billing-draft";
import type { Engagement, EngagementEvent } from "../../../src/workflows/engagements/domain/engagements";
import type { Translator } from "../../../src/platform/i18n/translator";
import { billingEntriesCard, billingFormCard, billingReviewCard } from "../../../src/workflows/engagements/views/billing";
import { completionCard } from "../../../src/workflows/engagements/views/engagement-completion";

const now = new Date("2026-11-02T10:00:00Z");

const engagement: Engagement = {
  id: "cm3engagement0001",
  organisationId: "org-1",
  externalId: "IBM-PI-88812",
  reference: "ENG-1042",
  title: "Managed backup and disaster recovery for the Lyon plant",
  clientName: "Fabrikam Industries",
  productName: "IBM Storage Protect as a service",
  requestedAt: new Date("2026-09-01T09:30:00Z"),
  state: "approved",
  version: 40,
};

function entry(i: number): BillingEntry {
  const state = (["submitted", "rated", "rejected"] as const)[i % 3] ?? "submitted";
  return {
    id: `cm3entry${String(i).padStart(4, "0")}`,
    organisationId: "org-1",
    engagementId: engagement.id,
    reference: `ENG-1042-B${i + 1}`,
    usageMonth: i < 10 ? "2026-10" : "2026-09",
    quantity: "1234.567891",
    unit: "hour",
    unitCost: "1234.5678",
    currency: i % 4 === 0 ? "USD" : "EUR",
    amount: "1524157.02",
    notes: "Out-of-hours restores for the Lyon plant, see ticket INC-88812.",
    state,
    submittedAt: new Date(Date.UTC(2026, 9, 1 + (i % 28), 9)),
    submittedById: "aad-bea",
    submittedByName: "Bea Billing-Longname",
    idempotencyKey: `k-${i}`,
    ...(state !== "submitted"
      ? {
          decision: {
            decisionId: `dec-${i}`,
            source: "http" as const,
            decidedAt: new Date(Date.UTC(2026, 9, 2 + (i % 27), 9)),
            receivedAt: now,
            ...(state === "rated"
              ? { ratedAmount: "1524000.00", ratedCurrency: "EUR" }
              : { reason: "The unit must be days for this product; resubmit with days." }),
          },
        }
      : {}),
  };
}

const request: EngagementEvent = {
  engagementId: engagement.id,
  organisationId: "org-1",
  sequence: 41,
  at: new Date("2026-11-20T09:00:00Z"),
  action: "completion_requested",
  actorName: "Claire Martin (Fabrikam)",
  reason: "The plant moves to the group's own backup service in December.",
};

export const billingCardSamples: Record<string, (t: Translator) => AdaptiveCard[]> = {
  "billing-form": (t) => {
    const identity = { engagementId: engagement.id, nonce: "5c0a6f0e-0000-4000-8000-000000000000", supersedesId: "" };
    const base = {
      engagement,
      t,
      identity,
      openMonths: ["2026-11", "2026-10"],
      organisationTimeZone: "Europe/Paris",
      currencies: ["EUR", "USD", "GBP", "IDR"],
    };
    const bad = { quantity: "0", unit: "parsec", unitCost: "-1", currency: "EURO", month: "2026-12", notes: "x".repeat(1001) };
    const checked = checkBillingDraft(bad, { engagement, timeZone: "Europe/Paris", now, currencies: ["EUR", "USD", "GBP", "IDR"] });
    return [
      billingFormCard({ ...base, values: {} }),
      billingFormCard({ ...base, values: bad, ...(checked.ok ? {} : { problems: checked.problems }) }),
      billingFormCard({ ...base, openMonths: [], values: {}, identity: { ...identity, supersedesId: "cm3entry0002" }, supersedes: entry(2) }),
    ];
  },
  "billing-review": (t) => {
    const checked = checkBillingDraft(
      { quantity: "1234.567891", unit: "day", unitCost: "1234.5678", currency: "IDR", month: "2026-10", notes: "On-call weekend" },
      { engagement, timeZone: "UTC", now, currencies: ["IDR"] },
    );
    if (!checked.ok) throw new Error("sample draft refused");
    const identity = { engagementId: engagement.id, nonce: "5c0a6f0e-0000-4000-8000-000000000000", supersedesId: "cm3entry0002" };
    return [billingReviewCard({ engagement, t, identity, draft: checked.value, supersedes: entry(2) })];
  },
  "billing-entries": (t) => [
    billingEntriesCard({
      engagement,
      t,
      now,
      canAdd: true,
      entries: Array.from({ length: 40 }, (_, i) => entry(i)),
      notice: { text: t.t("billing.notice.submitted", { entry: "ENG-1042-B41" }), style: "good" },
    }),
    billingEntriesCard({ engagement: { ...engagement, state: "completed" }, t, now, canAdd: false, entries: [] }),
  ],
  "engagement-completion": (t) => [
    completionCard({ engagement: { ...engagement, state: "completion_requested" }, t, request, canDecide: true, reasonValue: "Still in use" }),
    completionCard({
      engagement: { ...engagement, state: "completed" },
      t,
      request,
      canDecide: false,
      notice: { text: t.t("billing.completion.notice.completed", { reference: "ENG-1042" }), style: "good" },
    }),
  ],
};
