// Validating a voucher ID in Teams: found by the bot's VCH- reference or the vendor's printed ID
// among this organisation's vouchers, or a clear answer why not; then eligibility and Reserve.
import { describe, expect, it } from "vitest";
import { findVoucher, validateVoucherId } from "../../../../src/workflows/planning-vouchers/domain/validation";
import { normaliseVoucherReference, vendorIdKey } from "../../../../src/workflows/planning-vouchers/domain/voucher";
import { accepted, admin, assigned, at, now, refusal, standing, windowsPlanning, zone } from "./fixtures";
import { voucherIn } from "./walk";

const context = { timeZone: zone, vouchers: [assigned], engagementTypes: [windowsPlanning], standing };

describe("voucher references as people type them", () => {
  it.each([
    ["VCH-7781", "VCH-7781"],
    ["vch 7781", "VCH-7781"],
    ["vch7781", "VCH-7781"],
    ["#7781", "VCH-7781"],
    [" 7781 ", "VCH-7781"],
    ["ENG-7781", undefined],
    ["VCH-", undefined],
  ])("reads %j as %s", (input, expected) => {
    expect(normaliseVoucherReference(input)).toBe(expected);
  });

  it("matches the vendor's ID whatever the case, spaces or dashes copied from the e-mail", () => {
    expect(vendorIdKey(" ddps 7781–AB ")).toBe(vendorIdKey("DDPS-7781-ab"));
    expect(findVoucher("ddps7781ab", [assigned])).toBe(assigned);
    expect(findVoucher("vch 7781", [assigned])).toBe(assigned);
    expect(findVoucher("VCH-1234", [assigned])).toBeUndefined();
  });
});

describe("validating a voucher ID", () => {
  it("finds an assigned voucher and shows the partner's eligibility for its engagement type", () => {
    const validated = accepted(validateVoucherId("VCH-7781", admin, now, context));
    expect(validated.voucher).toBe(assigned);
    expect(validated.engagementType).toBe(windowsPlanning);
    expect(validated.eligibility.eligible).toBe(true);
  });

  it("shows an ineligible partner's reasons rather than refusing: the card explains them", () => {
    const lapsed = { ...standing, competencies: [] };
    const validated = accepted(validateVoucherId("VCH-7781", admin, now, { ...context, standing: lapsed }));
    expect(validated.eligibility).toEqual({ eligible: false, reasons: [{ reason: "competency_missing", competency: "Windows and Devices", level: "silver" }] });
  });

  it("answers that an ID it cannot find is unknown, echoing what was typed", () => {
    expect(refusal(validateVoucherId(" VCH-1234 ", admin, now, context))).toEqual({ code: "voucher_unknown", facts: { voucherId: "VCH-1234" } });
  });

  it("knows nothing of another organisation's vouchers: they are not in its list", () => {
    expect(refusal(validateVoucherId("VCH-7781", admin, now, { ...context, vouchers: [] }))?.code).toBe("voucher_unknown");
  });

  it("refuses an empty or overlong ID", () => {
    expect(refusal(validateVoucherId("  ", admin, now, context))).toEqual({ code: "voucher_id_invalid", facts: { max: 64 } });
    expect(refusal(validateVoucherId("7".repeat(65), admin, now, context))?.code).toBe("voucher_id_invalid");
  });

  it("answers that a voucher is assigned to another partner", () => {
    const elsewhere = { ...assigned, assignedPartnerId: "MPN-9999" };
    expect(refusal(validateVoucherId("VCH-7781", admin, now, { ...context, vouchers: [elsewhere] }))).toEqual({
      code: "voucher_assigned_elsewhere",
      facts: { reference: "VCH-7781" },
    });
  });

  it("answers that a voucher is already reserved, by whom and when", () => {
    const reserved = voucherIn("reserved");
    expect(refusal(validateVoucherId("VCH-7781", admin, now, { ...context, vouchers: [reserved] }))).toEqual({
      code: "voucher_already_reserved",
      facts: { reference: "VCH-7781", state: "reserved", by: "Ana", at: now },
    });
  });

  it("answers that a voucher has expired, from local midnight after its expiry date", () => {
    expect(validateVoucherId("VCH-7781", admin, at("2027-01-31T22:59:59Z"), context).ok).toBe(true);
    expect(refusal(validateVoucherId("VCH-7781", admin, at("2027-01-31T23:00:00Z"), context))).toEqual({
      code: "voucher_expired",
      facts: { reference: "VCH-7781", expiresOn: at("2027-01-30T23:00:00Z") },
    });
  });

  it("answers when the vendor has not sent the voucher's engagement type", () => {
    expect(refusal(validateVoucherId("VCH-7781", admin, now, { ...context, engagementTypes: [] }))?.code).toBe("engagement_type_unknown");
  });

  it("lets only admins validate, as only the vendor's admins may use its validation tool", () => {
    expect(refusal(validateVoucherId("VCH-7781", { ...admin, role: "viewer" }, now, context))).toEqual({ code: "not_admin", facts: { role: "viewer" } });
  });
});
