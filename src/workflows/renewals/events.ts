// The renewals workflow's outbound events: what the partner's integration must learn when a
// line item is marked quoted, renewed or lost in Teams. Each schema is the webhook's `data`.
import { z } from "zod";
import { defineEvent, type EventCatalog } from "../../platform/events/define-event";
import type { RenewalLineItem } from "./domain/line-items";

export const ZRenewalOutcomeSchema = z
  .object({
    lineItemId: z.string(),
    agreementNumber: z.string(),
    lineItem: z.string(),
    siteNumber: z.string().nullable(),
    siteName: z.string(),
    customerName: z.string(),
    endDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .meta({ description: "The line item's end date, a calendar day" }),
    amount: z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .meta({ description: "A decimal number as a string, never a float", example: "12500.00" }),
    currency: z.string().regex(/^[A-Z]{3}$/),
    state: z.enum(["quoted", "renewed", "lost"]),
    quoteNumber: z.string().nullable(),
    lostReason: z.string().nullable(),
    decidedAt: z.iso.datetime(),
    decidedBy: z.string().meta({ description: "The partner user's display name" }),
  })
  .meta({ id: "RenewalOutcome" });

export const renewalQuoted = defineEvent("renewal.quoted", ZRenewalOutcomeSchema, "A partner marked a renewal line item quoted, with its quote number.");
export const renewalRenewed = defineEvent("renewal.renewed", ZRenewalOutcomeSchema, "A partner marked a renewal line item renewed.");
export const renewalLost = defineEvent("renewal.lost", ZRenewalOutcomeSchema, "A partner marked a renewal line item lost, with the reason.");

export const RENEWAL_EVENTS: EventCatalog = [renewalQuoted, renewalRenewed, renewalLost];

export function renewalEventOf(item: RenewalLineItem) {
  return item.state === "renewed" ? renewalRenewed : item.state === "lost" ? renewalLost : renewalQuoted;
}

export function renewalOutcomeData(item: RenewalLineItem, decidedBy: string, now: Date): z.input<typeof ZRenewalOutcomeSchema> {
  return {
    lineItemId: item.id,
    agreementNumber: item.agreementNumber,
    lineItem: item.lineItem,
    siteNumber: item.siteNumber ?? null,
    siteName: item.siteName,
    customerName: item.customerName,
    endDate: item.endDate,
    amount: item.amount,
    currency: item.currency,
    state: item.state === "open" ? "quoted" : item.state,
    quoteNumber: item.quoteNumber ?? null,
    lostReason: item.lostReason ?? null,
    decidedAt: now.toISOString(),
    decidedBy,
  };
}
