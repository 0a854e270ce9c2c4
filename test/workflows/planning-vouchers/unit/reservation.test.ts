// VENDOR-FACTS "Validate and reserve" and "Cancel reservation": the partner gives the customer's
// voucher administrator e-mail, accepts the programme terms, and must be eligible on the day
// it reserves; cancelling returns the voucher to assigned with one of the vendor's reasons.
import { describe, expect, it } from "vitest";
import { cancelReservation, reserveVoucher } from "../../../../src/workflows/planning-vouchers/domain/reservation";
import { accepted, admin, assigned, at, eligibilityContext, now, refusal, reserveCommand, standing, zone } from "./fixtures";
import { voucherIn } from "./walk";

describe("reserving a voucher", () => {
  it("reserves an assigned voucher for an eligible partner, recording the competency it qualified with", () => {
    const { record, audit } = accepted(reserveVoucher(assigned, reserveCommand, admin, now, eligibilityContext));
    expect(record).toMatchObject({ state: "reserved", version: 1 });
    expect(record.reservation).toEqual({
      at: now,
      byUserId: "aad-ana",
      byName: "Ana",
      qualifyingCompetency: "Windows and Devices",
      competencyValidThrough: "2027-06-30",
      enrolmentAnniversary: "2027-02-28",
    });
    expect(audit).toEqual({
      action: "reserved",
      before: { state: "assigned" },
      after: { state: "reserved", qualifyingCompetency: "Windows and Devices", enrolmentAnniversary: "2027-02-28" },
    });
  });

  it("refuses a voucher assigned to another partner", () => {
    const elsewhere = { ...assigned, assignedPartnerId: "MPN-9999" };
    expect(refusal(reserveVoucher(elsewhere, reserveCommand, admin, now, eligibilityContext))).toEqual({
      code: "voucher_assigned_elsewhere",
      facts: { reference: "VCH-7781" },
    });
  });

  it("refuses when the vendor has not sent the voucher's engagement type", () => {
    const result = reserveVoucher(assigned, reserveCommand, admin, now, { ...eligibilityContext, engagementType: undefined });
    expect(refusal(result)).toEqual({ code: "engagement_type_unknown", facts: { engagementType: "DDPS-WOD" } });
  });

  it("refuses an e-mail that is not one, and one that is not the customer's voucher administrator", () => {
    expect(refusal(reserveVoucher(assigned, { ...reserveCommand, administratorEmail: "contoso" }, admin, now, eligibilityContext))).toEqual({
      code: "email_invalid",
      facts: { field: "administratorEmail" },
    });
    expect(refusal(reserveVoucher(assigned, { ...reserveCommand, administratorEmail: "it@contoso.example" }, admin, now, eligibilityContext))?.code).toBe(
      "administrator_email_mismatch",
    );
  });

  it("refuses to reserve before the programme terms are accepted", () => {
    expect(refusal(reserveVoucher(assigned, { ...reserveCommand, termsAccepted: false }, admin, now, eligibilityContext))?.code).toBe("terms_not_accepted");
  });

  it("refuses a partner whose competency expired, with the competency, the day and the engagement type", () => {
    const lapsed = { ...standing, competencies: [{ name: "Windows and Devices", level: "silver" as const, validThrough: "2026-10-03" }] };
    expect(refusal(reserveVoucher(assigned, reserveCommand, admin, now, { ...eligibilityContext, standing: lapsed }))).toEqual({
      code: "partner_not_eligible",
      facts: {
        engagementType: "Windows and Office Deployment Planning",
        reasons: 1,
        reason: "competency_expired",
        competency: "Windows and Devices",
        expiredOn: at("2026-10-02T22:00:00Z"),
      },
    });
  });

  it("judges the enrolment on the organisation's calendar: lapsed from local midnight after the anniversary", () => {
    const renewedLate = { ...standing, enrolments: [{ offering: "DDPS", enrolledOn: "2026-03-01", anniversaryOn: "2026-12-01" }] };
    const context = { ...eligibilityContext, standing: renewedLate };
    expect(reserveVoucher(assigned, reserveCommand, admin, at("2026-12-01T22:59:00Z"), context).ok).toBe(true);
    expect(refusal(reserveVoucher(assigned, reserveCommand, admin, at("2026-12-01T23:00:00Z"), context))?.facts).toMatchObject({
      reason: "enrolment_lapsed",
      offering: "DDPS",
    });
  });
});

describe("cancelling a reservation", () => {
  it.each(["reserved", "scheduled"] as const)("returns a %s voucher to assigned, dropping the reservation and schedule, with the reason", (state) => {
    const { record, audit } = accepted(cancelReservation(voucherIn(state), { reason: "customer_chose_another_partner" }, admin, now, zone));
    expect(record.state).toBe("assigned");
    expect(record.reservation).toBeUndefined();
    expect(record.schedule).toBeUndefined();
    expect(audit).toMatchObject({ action: "reservation_cancelled", reason: "customer_chose_another_partner", after: { state: "assigned" } });
  });

  it("lets the voucher be reserved again after a cancellation", () => {
    const cancelled = accepted(cancelReservation(voucherIn("reserved"), { reason: "offer_changed" }, admin, now, zone)).record;
    expect(reserveVoucher(cancelled, reserveCommand, admin, now, eligibilityContext).ok).toBe(true);
  });

  it("refuses without one of the vendor's reasons", () => {
    expect(refusal(cancelReservation(voucherIn("reserved"), { reason: undefined }, admin, now, zone))?.code).toBe("cancellation_reason_required");
  });

  it("asks for a note when the reason is another one, and keeps the note as the reason", () => {
    expect(refusal(cancelReservation(voucherIn("reserved"), { reason: "other", note: "   " }, admin, now, zone))?.code).toBe("note_required");
    const { audit } = accepted(cancelReservation(voucherIn("reserved"), { reason: "other", note: " Budget  frozen " }, admin, now, zone));
    expect(audit.reason).toBe("Budget frozen");
  });

  it("refuses a note longer than 500 characters", () => {
    expect(refusal(cancelReservation(voucherIn("reserved"), { reason: "other", note: "x".repeat(501) }, admin, now, zone))).toEqual({
      code: "note_too_long",
      facts: { max: 500 },
    });
  });

  it.each(["assigned", "delivered", "redeemed"] as const)("refuses to cancel the reservation of a %s voucher", (state) => {
    expect(refusal(cancelReservation(voucherIn(state), { reason: "offer_changed" }, admin, at("2026-12-22T09:00:00Z"), zone))).toMatchObject({
      code: "step_out_of_order",
      facts: { step: "cancel_reservation", state, expected: "reserved, scheduled" },
    });
  });

  it("refuses a non-admin and an expired voucher", () => {
    expect(refusal(cancelReservation(voucherIn("reserved"), { reason: "offer_changed" }, { ...admin, role: "approver" }, now, zone))?.code).toBe("not_admin");
    expect(refusal(cancelReservation(voucherIn("reserved"), { reason: "offer_changed" }, admin, at("2027-02-01T09:00:00Z"), zone))?.code).toBe(
      "voucher_expired",
    );
  });
});
