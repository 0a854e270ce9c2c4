// Redeem, invoice, get paid: an invoice carries a number, an exact amount and a currency; the
// vendor's payment confirmation closes the voucher once, and the same payment sent twice is a
// replay while a different one is a conflict.
import { describe, expect, it } from "vitest";
import { confirmPayment, invoiceVoucher, redeemVoucher } from "../../../../src/workflows/planning-vouchers/domain/settlement";
import { accepted, admin, at, invoiceCommand, refusal, zone } from "./fixtures";
import { stepDays, voucherIn } from "./walk";

const redeemed = voucherIn("redeemed");
const invoiced = voucherIn("invoiced");
const when = stepDays.invoiced;
const confirmation = { reference: "SAVB-PAY-99", paidOn: "2027-01-19" };

describe("redeeming", () => {
  it("redeems a delivered voucher, recording who and when", () => {
    const { record, audit } = accepted(redeemVoucher(voucherIn("delivered"), admin, stepDays.redeemed, zone));
    expect(record).toMatchObject({ state: "redeemed", redemption: { at: stepDays.redeemed, byName: "Ana" } });
    expect(audit).toEqual({ action: "redeemed", before: { state: "delivered" }, after: { state: "redeemed" } });
  });
});

describe("invoicing the vendor", () => {
  it("records the invoice number, the exact amount and the currency", () => {
    const { record } = accepted(invoiceVoucher(redeemed, { number: " INV-2027-001 ", amount: "6250,50", currency: "eur" }, admin, when, zone));
    expect(record.invoice).toEqual({ at: when, byUserId: "aad-ana", byName: "Ana", number: "INV-2027-001", amount: "6250.5", currency: "EUR" });
  });

  it.each(["", "INV 001", "#001", "x".repeat(41)])("refuses the invoice number %j", (number) => {
    expect(refusal(invoiceVoucher(redeemed, { ...invoiceCommand, number }, admin, when, zone))).toEqual({ code: "invoice_number_invalid", facts: { max: 40 } });
  });

  it("refuses a currency that is not an ISO 4217 code", () => {
    expect(refusal(invoiceVoucher(redeemed, { ...invoiceCommand, currency: "EURO" }, admin, when, zone))).toEqual({
      code: "currency_invalid",
      facts: { currency: "EURO" },
    });
  });

  it.each([
    ["0", "not_positive"],
    ["-10", "not_positive"],
    ["1,000.00", "not_a_number"],
    ["1e3", "not_a_number"],
    ["10.005", "too_many_decimals"],
    ["1000000000000", "too_large"],
  ])("refuses the amount %s (%s)", (amount, rule) => {
    expect(refusal(invoiceVoucher(redeemed, { ...invoiceCommand, amount }, admin, when, zone))).toEqual({ code: "amount_invalid", facts: { rule } });
  });

  it("takes no decimals in a currency that has none", () => {
    expect(refusal(invoiceVoucher(redeemed, { ...invoiceCommand, amount: "1000.5", currency: "JPY" }, admin, when, zone))?.facts).toEqual({
      rule: "too_many_decimals",
    });
    expect(invoiceVoucher(redeemed, { ...invoiceCommand, amount: "1000", currency: "JPY" }, admin, when, zone).ok).toBe(true);
  });

  describe("a voucher worth an amount", () => {
    const worthAmount = { ...redeemed, value: { kind: "amount" as const, amount: "5000", currency: "EUR" } };

    it("invoices up to its value, exactly", () => {
      expect(invoiceVoucher(worthAmount, { ...invoiceCommand, amount: "5000.00" }, admin, when, zone).ok).toBe(true);
      expect(refusal(invoiceVoucher(worthAmount, { ...invoiceCommand, amount: "5000.01" }, admin, when, zone))).toEqual({
        code: "invoice_exceeds_voucher",
        facts: { amount: "5000.01", value: "5000", currency: "EUR" },
      });
    });

    it("invoices in its own currency only", () => {
      expect(refusal(invoiceVoucher(worthAmount, { ...invoiceCommand, currency: "USD" }, admin, when, zone))).toEqual({
        code: "invoice_currency_mismatch",
        facts: { currency: "USD", voucherCurrency: "EUR" },
      });
    });
  });
});

describe("the vendor's payment confirmation", () => {
  const received = stepDays.paid;

  it("marks an invoiced voucher paid with the vendor's reference and payment day", () => {
    const outcome = accepted(confirmPayment(invoiced, confirmation, received, zone));
    expect(outcome.kind).toBe("applied");
    expect(outcome.record).toMatchObject({ state: "paid", payment: { at: received, reference: "SAVB-PAY-99", paidOn: "2027-01-19" } });
  });

  it("answers the same confirmation again as a replay that changes nothing", () => {
    const paid = accepted(confirmPayment(invoiced, confirmation, received, zone)).record;
    expect(accepted(confirmPayment(paid, { ...confirmation, reference: " SAVB-PAY-99 " }, at("2027-01-21T09:00:00Z"), zone))).toEqual({
      kind: "replay",
      record: paid,
    });
  });

  it("refuses a different payment for a paid voucher as a conflict", () => {
    const paid = accepted(confirmPayment(invoiced, confirmation, received, zone)).record;
    expect(refusal(confirmPayment(paid, { reference: "SAVB-PAY-100", paidOn: "2027-01-19" }, received, zone))).toEqual({
      code: "payment_conflict",
      facts: { reference: "VCH-7781", conflict: "already_paid", paymentReference: "SAVB-PAY-99" },
    });
    expect(refusal(confirmPayment(paid, { ...confirmation, paidOn: "2027-01-18" }, received, zone))?.code).toBe("payment_conflict");
  });

  it("refuses a payment for another invoice than ours", () => {
    expect(refusal(confirmPayment(invoiced, { ...confirmation, invoiceNumber: "INV-OTHER" }, received, zone))).toEqual({
      code: "payment_conflict",
      facts: { reference: "VCH-7781", conflict: "other_invoice", invoiceNumber: "INV-2027-001" },
    });
  });

  it("refuses a payment before the voucher is invoiced", () => {
    expect(refusal(confirmPayment(redeemed, confirmation, received, zone))).toMatchObject({
      code: "step_out_of_order",
      facts: { state: "redeemed", expected: "invoiced" },
    });
  });

  it("refuses a payment dated before the invoice day, or after today", () => {
    expect(refusal(confirmPayment(invoiced, { ...confirmation, paidOn: "2026-12-21" }, received, zone))?.code).toBe("paid_before_invoice");
    expect(refusal(confirmPayment(invoiced, { ...confirmation, paidOn: "2027-01-21" }, received, zone))).toEqual({
      code: "date_invalid",
      facts: { field: "paidOn" },
    });
  });

  it("refuses an empty payment reference", () => {
    expect(refusal(confirmPayment(invoiced, { ...confirmation, reference: "  " }, received, zone))).toEqual({
      code: "payment_reference_invalid",
      facts: { max: 100 },
    });
  });
});
