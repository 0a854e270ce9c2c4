// Getting paid (VENDOR-FACTS "Redeem", "Invoice / pay"): after the completion report the partner
// redeems the voucher, then invoices the vendor (number, amount, currency), and the vendor's
// payment confirmation closes it. A confirmation arrives from the vendor, not from a person, and
// may arrive twice: the same payment again is a replay, a different one is a conflict.
import { type Result, accept, refuse } from "../../../platform/domain/result";
import { amountExceeds, isCurrencyCode, parseAmount } from "./amounts";
import { isCalendarDate, startOfDay, today } from "./calendar-days";
import type { VoucherActor } from "./permissions";
import type { VoucherRefusal } from "./refusals";
import { type VoucherAudit, type VoucherTransition, advance, checkStep, stamp } from "./steps";
import { cleanText } from "./text-fields";
import type { Voucher } from "./voucher";

/** Redeems a delivered voucher; the card asks "Redeem selected vouchers?" first, as the vendor's portal does. */
export function redeemVoucher(voucher: Voucher, actor: VoucherActor, now: Date, timeZone: string): VoucherTransition {
  const step = checkStep(voucher, "redeem", actor, timeZone, now);
  if (!step.ok) return step;
  const record = advance(voucher, "redeemed", { redemption: stamp(actor, now) });
  return accept({ record, audit: { action: "redeemed", before: { state: voucher.state }, after: { state: record.state } } });
}

export const INVOICE_NUMBER_MAX = 40;
const INVOICE_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

export interface InvoiceCommand {
  number: string;
  amount: string;
  currency: string;
}

export function invoiceVoucher(voucher: Voucher, command: InvoiceCommand, actor: VoucherActor, now: Date, timeZone: string): VoucherTransition {
  const step = checkStep(voucher, "invoice", actor, timeZone, now);
  if (!step.ok) return step;
  const number = command.number.trim();
  if (number.length > INVOICE_NUMBER_MAX || !INVOICE_NUMBER_PATTERN.test(number)) return refuse("invoice_number_invalid", { max: INVOICE_NUMBER_MAX });
  const currency = command.currency.trim().toUpperCase();
  if (!isCurrencyCode(currency)) return refuse("currency_invalid", { currency: command.currency.trim().slice(0, 10) });
  const amount = parseAmount(command.amount, currency);
  if (!amount.ok) return refuse("amount_invalid", { rule: amount.rule });
  const value = voucher.value;
  if (value.kind === "amount") {
    if (value.currency !== currency) return refuse("invoice_currency_mismatch", { currency, voucherCurrency: value.currency });
    if (amountExceeds(amount.value, value.amount)) return refuse("invoice_exceeds_voucher", { amount: amount.value, value: value.amount, currency });
  }
  const invoice = { ...stamp(actor, now), number, amount: amount.value, currency };
  const record = advance(voucher, "invoiced", { invoice });
  return accept({
    record,
    audit: { action: "invoiced", before: { state: voucher.state }, after: { state: record.state, number, amount: amount.value, currency } },
  });
}

export const PAYMENT_REFERENCE_MAX = 100;

export interface PaymentConfirmation {
  reference: string;
  paidOn: string;
  /** The invoice the vendor says it paid, when it says. */
  invoiceNumber?: string;
}

export type PaymentOutcome = { kind: "applied"; record: Voucher; audit: VoucherAudit } | { kind: "replay"; record: Voucher };

export function confirmPayment(voucher: Voucher, confirmation: PaymentConfirmation, now: Date, timeZone: string): Result<PaymentOutcome, VoucherRefusal> {
  const reference = cleanText(confirmation.reference);
  if (!reference || reference.length > PAYMENT_REFERENCE_MAX) return refuse("payment_reference_invalid", { max: PAYMENT_REFERENCE_MAX });
  const paidOn = confirmation.paidOn.trim();
  if (!isCalendarDate(paidOn) || paidOn > today(timeZone, now)) return refuse("date_invalid", { field: "paidOn" });
  if (voucher.payment) {
    if (voucher.payment.reference === reference && voucher.payment.paidOn === paidOn) return accept({ kind: "replay", record: voucher });
    return refuse("payment_conflict", { reference: voucher.reference, conflict: "already_paid", paymentReference: voucher.payment.reference });
  }
  if (voucher.state !== "invoiced" || !voucher.invoice) {
    return refuse("step_out_of_order", { step: "confirm_payment", state: voucher.state, expected: "invoiced", reference: voucher.reference });
  }
  const invoice = voucher.invoice;
  if (confirmation.invoiceNumber !== undefined && confirmation.invoiceNumber.trim() !== invoice.number) {
    return refuse("payment_conflict", { reference: voucher.reference, conflict: "other_invoice", invoiceNumber: invoice.number });
  }
  const invoicedOn = today(timeZone, invoice.at);
  if (paidOn < invoicedOn) return refuse("paid_before_invoice", { paidOn: startOfDay(paidOn, timeZone), invoicedOn: startOfDay(invoicedOn, timeZone) });
  const record = advance(voucher, "paid", { payment: { at: now, reference, paidOn } });
  return accept({
    kind: "applied",
    record,
    audit: { action: "payment_confirmed", before: { state: voucher.state }, after: { state: record.state, reference, paidOn } },
  });
}
