// What the vendor's portal must learn from a partner's step in Teams: the reservation, its
// cancellation, the completion report, the redemption and the invoice. Each schema is the
// webhook payload's `data` and documents it in the OpenAPI document; the store emits them in
// the transaction that takes the step.
import { z } from "zod";
import { defineEvent, type EventCatalog, type EventDefinition } from "../../platform/events/define-event";
import type { VoucherVendorEvent } from "./domain/vendor-events";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ example: "2026-12-14" });
const identity = {
  vendorVoucherId: z.string().meta({ description: "The voucher ID as the vendor prints it" }),
  reference: z.string().meta({ example: "VCH-7781" }),
  partnerId: z.string().meta({ description: "The vendor's id of the partner the customer assigned the voucher to" }),
};

export const voucherReserved = defineEvent(
  "voucher.reserved",
  z
    .object({
      ...identity,
      administratorEmail: z.string(),
      termsAccepted: z.literal(true),
      engagementTypeCode: z.string(),
      reservedAt: z.iso.datetime(),
      reservedBy: z.string(),
    })
    .meta({ id: "VoucherReserved" }),
  "A partner admin validated and reserved a planning voucher.",
);

export const voucherReservationCancelled = defineEvent(
  "voucher.reservation_cancelled",
  z
    .object({
      ...identity,
      reason: z.string().meta({ description: "offer_changed, engagement_not_happening, customer_chose_another_partner or other" }),
      note: z.string().optional(),
      cancelledAt: z.iso.datetime(),
    })
    .meta({ id: "VoucherReservationCancelled" }),
  "A partner admin cancelled a voucher's reservation; the voucher is assigned again.",
);

export const voucherCompletionReportFiled = defineEvent(
  "voucher.completion_report_filed",
  z
    .object({
      ...identity,
      startOn: day,
      deliveredOn: day,
      consultant: z.string(),
      deliverables: z.array(z.string()),
      acceptedBy: z.object({ name: z.string(), email: z.string() }),
      filedAt: z.iso.datetime(),
    })
    .meta({ id: "VoucherCompletionReport" }),
  "A partner admin filed the completion report of a delivered planning engagement.",
);

export const voucherRedeemed = defineEvent(
  "voucher.redeemed",
  z.object({ ...identity, redeemedAt: z.iso.datetime(), redeemedBy: z.string() }).meta({ id: "VoucherRedeemed" }),
  "A partner admin redeemed a delivered voucher.",
);

export const voucherInvoiced = defineEvent(
  "voucher.invoiced",
  z
    .object({
      ...identity,
      invoiceNumber: z.string(),
      amount: z.string().regex(/^\d+(\.\d+)?$/),
      currency: z.string().regex(/^[A-Z]{3}$/),
      invoicedAt: z.iso.datetime(),
    })
    .meta({ id: "VoucherInvoiced" }),
  "A partner admin invoiced the vendor for a redeemed voucher.",
);

export const VOUCHER_EVENTS: EventCatalog = [voucherReserved, voucherReservationCancelled, voucherCompletionReportFiled, voucherRedeemed, voucherInvoiced];

const BY_TYPE: Readonly<Record<VoucherVendorEvent["type"], EventDefinition>> = {
  "voucher.reserved": voucherReserved,
  "voucher.reservation_cancelled": voucherReservationCancelled,
  "voucher.completion_report_filed": voucherCompletionReportFiled,
  "voucher.redeemed": voucherRedeemed,
  "voucher.invoiced": voucherInvoiced,
};

/** The definition and the JSON data of a domain event (its instants as ISO strings). */
export function vendorEventData(event: VoucherVendorEvent): { definition: EventDefinition; data: Record<string, unknown> } {
  const data = Object.fromEntries(Object.entries(event.payload).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]));
  return { definition: BY_TYPE[event.type], data };
}
