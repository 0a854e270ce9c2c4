// Moves the fixture voucher through the steps, so each test starts from the state it is about.
import { fileCompletionReport, scheduleVoucher } from "../../../../src/workflows/planning-vouchers/domain/delivery";
import { reserveVoucher } from "../../../../src/workflows/planning-vouchers/domain/reservation";
import { confirmPayment, invoiceVoucher, redeemVoucher } from "../../../../src/workflows/planning-vouchers/domain/settlement";
import type { Voucher, VoucherState } from "../../../../src/workflows/planning-vouchers/domain/voucher";
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

/** The days each step is taken on: delivery ends on 18 December, so it is filed on the 19th. */
export const stepDays = {
  reserved: now,
  scheduled: new Date("2026-12-02T09:00:00Z"),
  delivered: new Date("2026-12-19T09:00:00Z"),
  redeemed: new Date("2026-12-21T09:00:00Z"),
  invoiced: new Date("2026-12-22T09:00:00Z"),
  paid: new Date("2027-01-20T09:00:00Z"),
} as const;

export function voucherIn(state: VoucherState): Voucher {
  let voucher = assigned;
  if (state === "assigned") return voucher;
  voucher = accepted(reserveVoucher(voucher, reserveCommand, admin, stepDays.reserved, eligibilityContext)).record;
  if (state === "reserved") return voucher;
  voucher = accepted(scheduleVoucher(voucher, scheduleCommand, admin, stepDays.scheduled, staffingContext)).record;
  if (state === "scheduled") return voucher;
  voucher = accepted(fileCompletionReport(voucher, completionCommand, admin, stepDays.delivered, zone)).record;
  if (state === "delivered") return voucher;
  voucher = accepted(redeemVoucher(voucher, admin, stepDays.redeemed, zone)).record;
  if (state === "redeemed") return voucher;
  voucher = accepted(invoiceVoucher(voucher, invoiceCommand, admin, stepDays.invoiced, zone)).record;
  if (state === "invoiced") return voucher;
  const paid = accepted(confirmPayment(voucher, { reference: "SAVB-PAY-99", paidOn: "2027-01-19" }, stepDays.paid, zone));
  return paid.record;
}
