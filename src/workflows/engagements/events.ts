// The engagement workflow's outbound events: what the vendor's side must learn from a
// partner's decision in Teams. Each schema is the webhook payload's `data`, and documents it
// in the OpenAPI document.
import { z } from "zod";
import { defineEvent, type EventCatalog } from "../../platform/events/define-event";
import type { Engagement } from "./domain/engagements";
import type { BillingEntry } from "./domain/billing";
import { BILLING_UNITS } from "./domain/billing-draft";

const decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .meta({ description: "A decimal number as a string, never a float", example: "12.50" });

export const ZBillingSubmissionSchema = z
  .object({
    billingEntryId: z.string(),
    submissionReference: z.string().meta({ description: "The reference the vendor quotes back, e.g. ENG-1042-B3" }),
    engagementId: z.string(),
    engagementExternalId: z.string().meta({ description: "The engagement's id in the vendor's portal" }),
    engagementReference: z.string(),
    usageMonth: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .meta({ example: "2026-10" }),
    quantity: decimal,
    unit: z.enum(BILLING_UNITS),
    unitCost: decimal,
    currency: z.string().regex(/^[A-Z]{3}$/),
    amount: decimal,
    notes: z.string().nullable(),
    submittedAt: z.iso.datetime(),
    submittedBy: z.string().meta({ description: "The partner user's display name" }),
    supersedesBillingEntryId: z.string().nullable().meta({ description: "The rejected entry this one corrects, if any" }),
  })
  .meta({ id: "BillingSubmission" });

export const billingSubmissionCreated = defineEvent(
  "billing.submission.created",
  ZBillingSubmissionSchema,
  "A partner submitted a billing entry for an engagement's usage month.",
);

export const billingSubmissionCorrected = defineEvent(
  "billing.submission.corrected",
  ZBillingSubmissionSchema,
  "A partner submitted a correction of a rejected billing entry; supersedesBillingEntryId names it.",
);

export const ENGAGEMENT_EVENTS: EventCatalog = [billingSubmissionCreated, billingSubmissionCorrected];

/** An entry has one submission event (created or corrected): its id follows from the entry's. */
export function billingSubmissionEventId(entryId: string): string {
  return `evt_${entryId.replaceAll("-", "")}`;
}

export function billingSubmissionData(entry: BillingEntry, engagement: Pick<Engagement, "externalId" | "reference">): z.input<typeof ZBillingSubmissionSchema> {
  return {
    billingEntryId: entry.id,
    submissionReference: entry.reference,
    engagementId: entry.engagementId,
    engagementExternalId: engagement.externalId,
    engagementReference: engagement.reference,
    usageMonth: entry.usageMonth,
    quantity: entry.quantity,
    unit: entry.unit,
    unitCost: entry.unitCost,
    currency: entry.currency,
    amount: entry.amount,
    notes: entry.notes ?? null,
    submittedAt: entry.submittedAt.toISOString(),
    submittedBy: entry.submittedByName,
    supersedesBillingEntryId: entry.supersedesId ?? null,
  };
}
