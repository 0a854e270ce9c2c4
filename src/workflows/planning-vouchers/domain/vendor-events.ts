// What must reach the vendor after a step (DOMAIN.md "The vendor's side"): the reservation, its
// cancellation, the completion report, the redemption and the invoice leave as events, in the
// same transaction as the step, carrying what the vendor's portal asks for at that step. Built
// from the voucher as the step left it, so an event never says more than was decided.
import type { VoucherAudit } from "./steps";
import type { Voucher } from "./voucher";

interface VoucherIdentity {
  vendorVoucherId: string;
  reference: string;
  partnerId: string;
}

export type VoucherVendorEvent =
  | {
      type: "voucher.reserved";
      payload: VoucherIdentity & { administratorEmail: string; termsAccepted: true; engagementTypeCode: string; reservedAt: Date; reservedBy: string };
    }
  | { type: "voucher.reservation_cancelled"; payload: VoucherIdentity & { reason: string; note?: string; cancelledAt: Date } }
  | {
      type: "voucher.completion_report_filed";
      payload: VoucherIdentity & {
        startOn: string;
        deliveredOn: string;
        consultant: string;
        deliverables: string[];
        acceptedBy: { name: string; email: string };
        filedAt: Date;
      };
    }
  | { type: "voucher.redeemed"; payload: VoucherIdentity & { redeemedAt: Date; redeemedBy: string } }
  | { type: "voucher.invoiced"; payload: VoucherIdentity & { invoiceNumber: string; amount: string; currency: string; invoicedAt: Date } };

/** The event a step sends the vendor, or none for steps the vendor does not hear of (scheduling, imports, payment). */
export function vendorEventFor(record: Voucher, audit: VoucherAudit, now: Date): VoucherVendorEvent | undefined {
  const identity = { vendorVoucherId: record.vendorVoucherId, reference: record.reference, partnerId: record.assignedPartnerId };
  const { reservation, schedule, completion, redemption, invoice } = record;
  switch (audit.action) {
    case "reserved":
      return (
        reservation && {
          type: "voucher.reserved",
          payload: {
            ...identity,
            administratorEmail: record.administratorEmail,
            termsAccepted: true,
            engagementTypeCode: record.engagementTypeCode,
            reservedAt: reservation.at,
            reservedBy: reservation.byName,
          },
        }
      );
    case "reservation_cancelled":
      return { type: "voucher.reservation_cancelled", payload: { ...identity, ...cancellation(audit), cancelledAt: now } };
    case "completion_report_filed":
      return (
        completion &&
        schedule && {
          type: "voucher.completion_report_filed",
          payload: {
            ...identity,
            startOn: schedule.startOn,
            deliveredOn: completion.deliveredOn,
            consultant: schedule.consultantName,
            deliverables: completion.deliverables,
            acceptedBy: { name: completion.acceptedByName, email: completion.acceptedByEmail },
            filedAt: completion.at,
          },
        }
      );
    case "redeemed":
      return redemption && { type: "voucher.redeemed", payload: { ...identity, redeemedAt: redemption.at, redeemedBy: redemption.byName } };
    case "invoiced":
      return (
        invoice && {
          type: "voucher.invoiced",
          payload: { ...identity, invoiceNumber: invoice.number, amount: invoice.amount, currency: invoice.currency, invoicedAt: invoice.at },
        }
      );
    default:
      return undefined;
  }
}

// The vendor's reason code, and the partner's note when it gave one (the audit keeps the note as its reason).
function cancellation(audit: VoucherAudit): { reason: string; note?: string } {
  const reason = String((audit.after as { cancellationReason?: string } | undefined)?.cancellationReason ?? "other");
  return audit.reason && audit.reason !== reason ? { reason, note: audit.reason } : { reason };
}
