// Reservation, cancellation, completion report, redemption and invoice reach the vendor as
// events carrying what its portal asks for; scheduling and the vendor's own payment do not.
import { describe, expect, it } from "vitest";
import { fileCompletionReport, scheduleVoucher } from "../../../../src/workflows/planning-vouchers/domain/delivery";
import { cancelReservation, reserveVoucher } from "../../../../src/workflows/planning-vouchers/domain/reservation";
import { confirmPayment, invoiceVoucher, redeemVoucher } from "../../../../src/workflows/planning-vouchers/domain/settlement";
import { vendorEventFor } from "../../../../src/workflows/planning-vouchers/domain/vendor-events";
import {
  accepted,
  admin,
  assigned,
  completionCommand,
  eligibilityContext,
  invoiceCommand,
  now,
  reserveCommand,
  scheduleCommand,
  staffingContext,
  zone,
} from "./fixtures";
import { stepDays, voucherIn } from "./walk";

const identity = { vendorVoucherId: "DDPS-7781-ab", reference: "VCH-7781", partnerId: "MPN-4410" };

describe("events for the vendor", () => {
  it("sends the reservation with the voucher number, the administrator e-mail and the accepted terms", () => {
    const { record, audit } = accepted(reserveVoucher(assigned, reserveCommand, admin, now, eligibilityContext));
    expect(vendorEventFor(record, audit, now)).toEqual({
      type: "voucher.reserved",
      payload: {
        ...identity,
        administratorEmail: "sa.admin@contoso.example",
        termsAccepted: true,
        engagementTypeCode: "DDPS-WOD",
        reservedAt: now,
        reservedBy: "Ana",
      },
    });
  });

  it("sends a cancellation with the vendor's reason, and the note apart when there is one", () => {
    const plain = accepted(cancelReservation(voucherIn("reserved"), { reason: "customer_chose_another_partner" }, admin, now, zone));
    expect(vendorEventFor(plain.record, plain.audit, now)).toEqual({
      type: "voucher.reservation_cancelled",
      payload: { ...identity, reason: "customer_chose_another_partner", cancelledAt: now },
    });
    const noted = accepted(cancelReservation(voucherIn("reserved"), { reason: "other", note: "Budget frozen" }, admin, now, zone));
    expect(vendorEventFor(noted.record, noted.audit, now)?.payload).toMatchObject({ reason: "other", note: "Budget frozen" });
  });

  it("sends the completion report with the dates, the consultant, the deliverables and who accepted them", () => {
    const { record, audit } = accepted(fileCompletionReport(voucherIn("scheduled"), completionCommand, admin, stepDays.delivered, zone));
    expect(vendorEventFor(record, audit, stepDays.delivered)).toEqual({
      type: "voucher.completion_report_filed",
      payload: {
        ...identity,
        startOn: "2026-12-14",
        deliveredOn: "2026-12-18",
        consultant: "Rina",
        deliverables: completionCommand.deliverables,
        acceptedBy: { name: "Marie Dupont", email: "marie.dupont@contoso.example" },
        filedAt: stepDays.delivered,
      },
    });
  });

  it("sends the redemption and the invoice", () => {
    const redeemed = accepted(redeemVoucher(voucherIn("delivered"), admin, stepDays.redeemed, zone));
    expect(vendorEventFor(redeemed.record, redeemed.audit, stepDays.redeemed)).toEqual({
      type: "voucher.redeemed",
      payload: { ...identity, redeemedAt: stepDays.redeemed, redeemedBy: "Ana" },
    });
    const invoiced = accepted(invoiceVoucher(redeemed.record, invoiceCommand, admin, stepDays.invoiced, zone));
    expect(vendorEventFor(invoiced.record, invoiced.audit, stepDays.invoiced)).toEqual({
      type: "voucher.invoiced",
      payload: { ...identity, invoiceNumber: "INV-2027-001", amount: "6250", currency: "EUR", invoicedAt: stepDays.invoiced },
    });
  });

  it("sends nothing for scheduling or for the vendor's own payment confirmation", () => {
    const scheduled = accepted(scheduleVoucher(voucherIn("reserved"), scheduleCommand, admin, stepDays.scheduled, staffingContext));
    expect(vendorEventFor(scheduled.record, scheduled.audit, stepDays.scheduled)).toBeUndefined();
    const paid = accepted(confirmPayment(voucherIn("invoiced"), { reference: "SAVB-PAY-99", paidOn: "2027-01-19" }, stepDays.paid, zone));
    expect(paid.kind === "applied" && vendorEventFor(paid.record, paid.audit, stepDays.paid)).toBeUndefined();
  });
});
