// Billing submissions the demo shows waiting for the vendor, entered by the Playground user on
// two approved engagements at their ages before the anchor, through the same draft checks and
// once-only submission as the card's form, so their history is real. The README's example
// examples/billing-decisions.json is the vendor's answer to them: one rated, one rejected.
import { checkBillingDraft } from "../domain/billing-draft";
import { monthOf } from "../domain/billing-window";
import { submitBillingOnce } from "../store/billing-submissions";
import { findEngagementByExternalId } from "../store/engagements";
import type { DemoContext, DemoStepReport } from "../../../platform/import/demo/demo-context";

const HOUR = 3_600_000;

export interface DemoBillingEntry {
  engagementExternalId: string;
  /** How long before the anchor it was submitted; its usage month is the one open then. */
  hoursAgo: number;
  quantity: string;
  unit: string;
  unitCost: string;
  currency: string;
  notes?: string;
}

/** Both unrated for more than a day at the anchor: the reminders flag them as overdue. */
export const DEMO_BILLING_ENTRIES: readonly DemoBillingEntry[] = [
  // ENG-991-B1, rated by the example at the vendor's price.
  {
    engagementExternalId: "CP-PI-880991",
    hoursAgo: 3 * 24 + 2,
    quantity: "1",
    unit: "month",
    unitCost: "1250",
    currency: "EUR",
    notes: "Db2 on Cloud standard plan, one instance.",
  },
  // ENG-1003-B1, rejected by the example: the vendor bills that storage per TB.
  {
    engagementExternalId: "CP-PI-881003",
    hoursAgo: 2 * 24 + 5,
    quantity: "1200",
    unit: "gb",
    unitCost: "0.95",
    currency: "EUR",
    notes: "Backup storage for 600 laptops.",
  },
];

export async function seedDemoBilling(demo: DemoContext): Promise<DemoStepReport> {
  const report: DemoStepReport = { step: "billing submissions", applied: 0, unchanged: 0 };
  const timeZone = demo.organisation.timeZone;
  // The Playground's own user, so the vendor's answers reach the Playground chat.
  const submitter = demo.users.admin;
  for (const planned of DEMO_BILLING_ENTRIES) {
    const engagement = await findEngagementByExternalId(demo.db, demo.organisation.id, planned.engagementExternalId);
    if (!engagement) throw new Error(`demo engagement ${planned.engagementExternalId} was not imported`);
    const submittedAt = new Date(demo.anchor.getTime() - planned.hoursAgo * HOUR);
    const { engagementExternalId, hoursAgo, ...fields } = planned;
    // The demo bills in the currency its entries name: the organisation's allow-list is a deployment setting.
    const draft = checkBillingDraft(
      { ...fields, month: monthOf(submittedAt, timeZone) },
      { engagement, timeZone, now: submittedAt, currencies: [fields.currency] },
    );
    if (!draft.ok) throw new Error(`demo billing entry on ${engagement.reference} is invalid: ${Object.keys(draft.problems).join(", ")}`);
    const outcome = await submitBillingOnce(demo.db, {
      actor: submitter,
      engagementId: engagement.id,
      draft: draft.value,
      // One nonce per planned entry: a second seeding finds the entry it made.
      formNonce: `demo-${engagementExternalId}`,
      timeZone,
      now: submittedAt,
    });
    if (outcome.kind === "refused") throw new Error(`demo billing entry on ${engagement.reference} refused: ${outcome.refusal.code}`);
    report[outcome.kind === "created" ? "applied" : "unchanged"] += 1;
  }
  return report;
}
