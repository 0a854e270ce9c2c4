// The card forms give each command its shape from Adaptive Card inputs (strings, or absent);
// what the rules say about the values is the domain's to answer, with its refusals.
import { describe, expect, it } from "vitest";
import {
  ZCancelReservationInputSchema,
  ZCompletionReportInputSchema,
  ZInvoiceInputSchema,
  ZReserveInputSchema,
  ZScheduleInputSchema,
  ZValidateInputSchema,
} from "../../../../src/workflows/planning-vouchers/domain/card-inputs";
import { fileCompletionReport } from "../../../../src/workflows/planning-vouchers/domain/delivery";
import { reserveVoucher } from "../../../../src/workflows/planning-vouchers/domain/reservation";
import { accepted, admin, assigned, eligibilityContext, now, refusal, zone } from "./fixtures";
import { stepDays, voucherIn } from "./walk";

describe("the voucher card's forms", () => {
  it("reads the reserve form's toggle, and an untouched toggle as not accepted", () => {
    expect(ZReserveInputSchema.parse({ administratorEmail: "sa.admin@contoso.example", termsAccepted: "true", verb: "voucher.reserve" })).toEqual({
      administratorEmail: "sa.admin@contoso.example",
      termsAccepted: true,
    });
    const untouched = ZReserveInputSchema.parse({ administratorEmail: "sa.admin@contoso.example" });
    expect(refusal(reserveVoucher(assigned, untouched, admin, now, eligibilityContext))?.code).toBe("terms_not_accepted");
  });

  it("reads missing fields as empty, so the domain says which one is required", () => {
    expect(ZScheduleInputSchema.parse({})).toEqual({ startOn: "", endOn: "", consultantId: "" });
    expect(ZInvoiceInputSchema.parse({ number: "INV-1" })).toEqual({ number: "INV-1", amount: "", currency: "" });
    expect(ZValidateInputSchema.parse({ voucherId: " VCH-7781 " }).voucherId).toBe(" VCH-7781 ");
  });

  it("reads one deliverable per line of the report form", () => {
    const command = ZCompletionReportInputSchema.parse({
      deliveredOn: "2026-12-18",
      deliverables: "Planning Services Completion Report\r\n\nCustomer Planning Deliverable",
      acceptedByName: "Marie Dupont",
      acceptedByEmail: "marie.dupont@contoso.example",
    });
    const { record } = accepted(fileCompletionReport(voucherIn("scheduled"), command, admin, stepDays.delivered, zone));
    expect(record.completion?.deliverables).toEqual(["Planning Services Completion Report", "Customer Planning Deliverable"]);
  });

  it("reads a cancellation reason the vendor does not list as no reason", () => {
    expect(ZCancelReservationInputSchema.parse({ reason: "customer_chose_another_partner" }).reason).toBe("customer_chose_another_partner");
    expect(ZCancelReservationInputSchema.parse({ reason: "bored" })).toEqual({ reason: undefined, note: "" });
  });

  it("refuses a form far beyond any field's limit before it reaches the rules", () => {
    expect(ZInvoiceInputSchema.safeParse({ number: "x".repeat(201) }).success).toBe(false);
  });
});
