// DOMAIN.md section 3: assigned -> reserved -> scheduled -> delivered -> redeemed -> invoiced ->
// paid, strictly: no step skipped or repeated, each recording who, when and its facts; only
// admins act; nothing but viewing after the expiry date in the organisation's zone.
import { describe, expect, it } from "vitest";
import { fileCompletionReport, scheduleVoucher } from "../../../../src/workflows/planning-vouchers/domain/delivery";
import { VOUCHER_PERMISSIONS } from "../../../../src/workflows/planning-vouchers/domain/permissions";
import { reserveVoucher } from "../../../../src/workflows/planning-vouchers/domain/reservation";
import { invoiceVoucher, redeemVoucher } from "../../../../src/workflows/planning-vouchers/domain/settlement";
import { type VoucherState, VOUCHER_STATES, nextStep, remainingSteps } from "../../../../src/workflows/planning-vouchers/domain/voucher";
import {
  admin,
  assigned,
  at,
  completionCommand,
  eligibilityContext,
  invoiceCommand,
  refusal,
  reserveCommand,
  scheduleCommand,
  staffingContext,
  zone,
} from "./fixtures";
import { stepDays, voucherIn } from "./walk";

const steps = {
  reserve: (state: VoucherState, when = stepDays.reserved) => reserveVoucher(voucherIn(state), reserveCommand, admin, when, eligibilityContext),
  schedule: (state: VoucherState, when = stepDays.scheduled) => scheduleVoucher(voucherIn(state), scheduleCommand, admin, when, staffingContext),
  file_completion_report: (state: VoucherState, when = stepDays.delivered) => fileCompletionReport(voucherIn(state), completionCommand, admin, when, zone),
  redeem: (state: VoucherState, when = stepDays.redeemed) => redeemVoucher(voucherIn(state), admin, when, zone),
  invoice: (state: VoucherState, when = stepDays.invoiced) => invoiceVoucher(voucherIn(state), invoiceCommand, admin, when, zone),
};
type Step = keyof typeof steps;
const FROM: Record<Step, VoucherState> = {
  reserve: "assigned",
  schedule: "reserved",
  file_completion_report: "scheduled",
  redeem: "delivered",
  invoice: "redeemed",
};

describe("the strict order of a voucher's steps", () => {
  it("walks a voucher from assigned to paid, one version per step, with who and when on each", () => {
    const paid = voucherIn("paid");
    expect(paid.state).toBe("paid");
    expect(paid.version).toBe(6);
    expect(paid.reservation).toMatchObject({ byName: "Ana", byUserId: "aad-ana", at: stepDays.reserved, qualifyingCompetency: "Windows and Devices" });
    expect(paid.schedule).toMatchObject({ consultantName: "Rina", startOn: "2026-12-14", endOn: "2026-12-18", qualifyingExam: "Windows Client" });
    expect(paid.completion).toMatchObject({ deliveredOn: "2026-12-18", acceptedByName: "Marie Dupont" });
    expect(paid.redemption).toEqual({ at: stepDays.redeemed, byUserId: "aad-ana", byName: "Ana" });
    expect(paid.invoice).toMatchObject({ number: "INV-2027-001", amount: "6250", currency: "EUR" });
    expect(paid.payment).toEqual({ at: stepDays.paid, reference: "SAVB-PAY-99", paidOn: "2027-01-19" });
  });

  it("names the next step of every state, and none once paid", () => {
    expect(VOUCHER_STATES.map((state) => nextStep({ state }))).toEqual([
      "reserve",
      "schedule",
      "file_completion_report",
      "redeem",
      "invoice",
      "confirm_payment",
      undefined,
    ]);
  });

  it("says what is left to do on a voucher, in order", () => {
    expect(remainingSteps({ state: "scheduled" })).toEqual(["file_completion_report", "redeem", "invoice", "confirm_payment"]);
    expect(remainingSteps({ state: "assigned" })).toHaveLength(6);
    expect(remainingSteps({ state: "paid" })).toEqual([]);
  });

  const skips = (Object.keys(steps) as Step[]).flatMap((step) =>
    VOUCHER_STATES.filter((state) => VOUCHER_STATES.indexOf(state) < VOUCHER_STATES.indexOf(FROM[step])).map((state) => [step, state] as const),
  );
  it.each(skips)("refuses to %s a voucher that is only %s: no step is skipped", (step, state) => {
    expect(refusal(steps[step](state))).toMatchObject({ code: "step_out_of_order", facts: { step, state, expected: FROM[step], reference: "VCH-7781" } });
  });

  const repeats = (Object.keys(steps) as Step[]).flatMap((step) =>
    VOUCHER_STATES.filter((state) => VOUCHER_STATES.indexOf(state) > VOUCHER_STATES.indexOf(FROM[step])).map((state) => [step, state] as const),
  );
  it.each(repeats)("refuses to %s again a voucher already %s, saying who did it and when", (step, state) => {
    const result = refusal(steps[step](state, at("2027-01-25T09:00:00Z")));
    expect(result?.code).toBe("step_already_done");
    expect(result?.facts).toMatchObject({ step, state, by: "Ana" });
  });

  it.each(["approver", "billing", "viewer"] as const)("refuses every step to a %s: only admins act on vouchers", (role) => {
    const result = reserveVoucher(assigned, reserveCommand, { ...admin, role }, stepDays.reserved, eligibilityContext);
    expect(refusal(result)).toEqual({ code: "not_admin", facts: { role } });
    expect(refusal(redeemVoucher(voucherIn("delivered"), { ...admin, role }, stepDays.redeemed, zone))?.code).toBe("not_admin");
  });

  it("lets every role view vouchers and only admins manage them", () => {
    expect(["admin", "approver", "billing", "viewer"].map((role) => VOUCHER_PERMISSIONS.can(role as "admin", "voucher.view"))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(VOUCHER_PERMISSIONS.rolesWith("voucher.manage")).toEqual(["admin"]);
  });
});

describe("expiry, in the organisation's zone", () => {
  // The voucher is valid through 31 January 2027: until 23:00 UTC that day in Paris (UTC+1).
  const lastMinute = at("2027-01-31T22:59:00Z");
  const expired = at("2027-01-31T23:00:00Z");

  it("still redeems at 23:59 on the expiry date in Paris", () => {
    expect(steps.redeem("delivered", lastMinute).ok).toBe(true);
  });

  it.each([
    ["reserve", "assigned"],
    ["schedule", "reserved"],
    ["file_completion_report", "scheduled"],
    ["redeem", "delivered"],
  ] as const)("refuses to %s from local midnight after the expiry date, though it is still 31 January in UTC", (step, state) => {
    expect(refusal(steps[step](state, expired))).toEqual({
      code: "voucher_expired",
      facts: { reference: "VCH-7781", expiresOn: at("2027-01-30T23:00:00Z") },
    });
  });

  it("still invoices a voucher redeemed before it expired: a redeemed voucher is spent, not lost", () => {
    expect(steps.invoice("redeemed", at("2027-02-15T09:00:00Z")).ok).toBe(true);
  });
});
