// The vendor's decisions on billing submissions (rated at a price, or rejected with a reason),
// as the vendor portal exports them. The same records arrive one by one on
// POST /api/v1/billing-decisions (src/http/api/billing.ts), which shares this schema. Applying
// a decision already recorded changes nothing: the vendor's decisionId makes it idempotent.
import { z } from "zod";
import type { VendorDecision } from "../domain/billing";
import { applyBillingDecisionIn, type BillingEntryLocator } from "../store/billing-decisions";
import { enqueueBillingDecisionNotice } from "../store/billing-notifications";
import { LOST_RACE, LostRace } from "../../../platform/store/decide-once";
import { ImportRejected, recordName, refusalProblem } from "../../../platform/import/problems";
import { defineSection, emptyOutcome } from "../../../platform/import/section";

/** The fields of one decision; the HTTP body adds the organisation's tenant id. */
export const billingDecisionFields = {
  decisionId: z.string().trim().min(1).max(100).describe("The vendor's id for this decision: sending it again changes nothing."),
  billingEntryId: z.string().trim().min(1).max(64).optional().describe("The bot's id of the billing entry (give this or submissionReference)."),
  submissionReference: z
    .string()
    .trim()
    .regex(/^ENG-\d{1,9}-B\d{1,6}$/, 'expected a submission reference like "ENG-1042-B3"')
    .optional()
    .describe('The submission\'s reference, like "ENG-1042-B3" (give this or billingEntryId).'),
  outcome: z.enum(["rated", "rejected"]),
  ratedAmount: z
    .union([z.string().max(40), z.number()])
    .optional()
    .describe("The vendor's price for the whole entry, a decimal; when absent a rating keeps the submitted amount."),
  currency: z.string().trim().length(3).optional().describe("ISO 4217 code of ratedAmount; the entry's currency when absent."),
  reason: z.string().trim().max(1000).optional().describe("Why the vendor rejected the entry; required for a rejection."),
  decidedAt: z.iso
    .datetime({ offset: true, error: "expected an ISO 8601 date-time with an offset, like 2026-11-03T09:30:00+01:00" })
    .transform((value) => new Date(value))
    .optional()
    .describe("When the vendor decided, ISO 8601 with an offset; when absent, when the bot received the decision."),
};

/** Exactly one way to name the entry. */
export function namesOneEntry(record: { billingEntryId?: string | undefined; submissionReference?: string | undefined }): boolean {
  return (record.billingEntryId === undefined) !== (record.submissionReference === undefined);
}

export const ONE_ENTRY_MESSAGE = "give exactly one of billingEntryId and submissionReference";

export const ZImportBillingDecisionSchema = z
  .strictObject(billingDecisionFields)
  .refine(namesOneEntry, { message: ONE_ENTRY_MESSAGE, path: ["billingEntryId"] })
  .describe("The vendor's decision on one billing submission.");

export type TBillingDecisionRecord = z.output<typeof ZImportBillingDecisionSchema>;

export function entryLocator(record: Pick<TBillingDecisionRecord, "billingEntryId" | "submissionReference">): BillingEntryLocator {
  return record.billingEntryId !== undefined ? { billingEntryId: record.billingEntryId } : { submissionReference: record.submissionReference ?? "" };
}

export function vendorDecision(record: TBillingDecisionRecord): VendorDecision {
  const base = { decisionId: record.decisionId, ...(record.decidedAt ? { decidedAt: record.decidedAt } : {}) };
  return record.outcome === "rated"
    ? {
        ...base,
        outcome: "rated",
        ...(record.ratedAmount !== undefined ? { ratedAmount: record.ratedAmount } : {}),
        ...(record.currency ? { currency: record.currency } : {}),
      }
    : { ...base, outcome: "rejected", ...(record.reason !== undefined ? { reason: record.reason } : {}) };
}

export const billingDecisionsSection = defineSection({
  description: "The vendor's decisions on billing submissions, idempotent by decisionId.",
  record: ZImportBillingDecisionSchema,
  identity: "decisionId",
  uniqueFields: ["decisionId"],
  async apply(tx, organisation, records, now) {
    const outcome = emptyOutcome();
    for (const [index, record] of records.entries()) {
      const name = recordName("billingDecisions", index, { field: "decisionId", value: record.decisionId });
      const applied = await applyBillingDecisionIn(tx, {
        organisationId: organisation.id,
        entry: entryLocator(record),
        decision: vendorDecision(record),
        source: "import",
        receivedAt: now,
        onApplied: enqueueBillingDecisionNotice,
      });
      if (applied === LOST_RACE) throw new LostRace();
      if (applied.outcome === "not_found") throw new ImportRejected([{ where: name, message: "no such billing entry in this organisation" }]);
      if (applied.outcome === "refused") throw new ImportRejected([refusalProblem(name, applied.refusal)]);
      outcome[applied.outcome === "decided" ? "updated" : "unchanged"] += 1;
    }
    return outcome;
  },
});
