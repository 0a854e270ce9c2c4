// The vendor's records coming in: each schema reads the vendor's export into our types, and a
// voucher is idempotent by the vendor's ID (same facts = unchanged, new facts = updated while
// nobody reserved it, a change to what a reservation relied on = conflict).
import { describe, expect, it } from "vitest";
import {
  ZImportConsultantSchema,
  ZImportEngagementTypeSchema,
  ZImportEnrolmentSchema,
  ZImportVoucherSchema,
  ZPaymentConfirmationSchema,
} from "../../../../src/workflows/planning-vouchers/domain/import-records";
import { importVoucher, referenceImportChange, sameFacts } from "../../../../src/workflows/planning-vouchers/domain/voucher-import";
import { accepted, assigned, refusal } from "./fixtures";
import { voucherIn } from "./walk";

const row = {
  vendorVoucherId: "DDPS-7781-ab",
  reference: "VCH-7781",
  customerName: "Contoso",
  administratorEmail: "sa.admin@contoso.example",
  assignedPartnerId: "MPN-4410",
  offering: "DDPS",
  engagementTypeCode: "DDPS-WOD",
  value: { kind: "days", days: 5 },
  assignedOn: "2026-11-20",
  expiresOn: "2027-01-31",
};
const parsed = ZImportVoucherSchema.parse(row);
const identity = { id: "v1", organisationId: "org-1" };

describe("the vendor's voucher records", () => {
  it("reads a voucher worth planning days or an exact amount", () => {
    expect(parsed.value).toEqual({ kind: "days", days: 5 });
    const amount = ZImportVoucherSchema.parse({ ...row, value: { kind: "amount", amount: "4500.50", currency: "eur" } });
    expect(amount.value).toEqual({ kind: "amount", amount: "4500.5", currency: "EUR" });
  });

  it.each([
    ["a length the vendor does not sell", { value: { kind: "days", days: 4 } }],
    ["more than 15 planning days", { value: { kind: "days", days: 20 } }],
    ["an amount with too many decimals", { value: { kind: "amount", amount: "10.001", currency: "EUR" } }],
    ["a reference that is not VCH- and digits", { reference: "7781" }],
    ["29 February of a year that is not a leap year", { expiresOn: "2027-02-29" }],
    ["an expiry before the assignment", { expiresOn: "2026-11-19" }],
    ["an administrator e-mail that is not one", { administratorEmail: "contoso" }],
    ["a field the vendor does not send", { notes: "x" }],
  ])("refuses %s", (_label, change) => {
    expect(ZImportVoucherSchema.safeParse({ ...row, ...change }).success).toBe(false);
  });

  it("takes 29 February in a leap year", () => {
    expect(ZImportVoucherSchema.safeParse({ ...row, expiresOn: "2028-02-29" }).success).toBe(true);
  });

  it("reads engagement types, enrolments, consultants and payment confirmations", () => {
    expect(
      ZImportEngagementTypeSchema.safeParse({
        code: "DDPS-WOD",
        offering: "DDPS",
        name: "Windows and Office Deployment Planning",
        qualifyingCompetencies: [{ competency: "Windows and Devices", minimumLevel: "silver", exams: ["MD-100"] }],
      }).success,
    ).toBe(true);
    expect(ZImportEnrolmentSchema.safeParse({ offering: "DDPS", enrolledOn: "2026-03-01", anniversaryOn: "2026-02-28" }).success).toBe(false);
    expect(
      ZImportConsultantSchema.safeParse({
        vendorConsultantId: "c-1",
        name: "Rina",
        exams: [{ code: "MD-100", name: "Windows Client", passedOn: "2026-05-01", validThrough: "2026-04-30" }],
      }).success,
    ).toBe(false);
    expect(ZPaymentConfirmationSchema.parse({ vendorVoucherId: "DDPS-7781-ab", paymentReference: " PAY-1 ", paidOn: "2027-01-19" }).paymentReference).toBe(
      "PAY-1",
    );
  });
});

describe("importing a voucher, idempotent by the vendor's ID", () => {
  it("creates a new voucher as assigned", () => {
    const outcome = accepted(importVoucher(undefined, parsed, identity));
    expect(outcome.kind).toBe("created");
    expect(outcome.record).toEqual({ ...assigned });
  });

  it("changes nothing when the same facts come again", () => {
    expect(accepted(importVoucher(assigned, parsed, identity))).toEqual({ kind: "unchanged", record: assigned });
  });

  it("updates an assigned voucher whose facts changed, recording only what changed", () => {
    const outcome = accepted(importVoucher(assigned, { ...parsed, customerName: "Contoso Ltd", expiresOn: "2027-04-30" }, identity));
    expect(outcome.kind).toBe("updated");
    expect(outcome.record).toMatchObject({ customerName: "Contoso Ltd", expiresOn: "2027-04-30", version: 1, state: "assigned" });
    expect(outcome.kind === "updated" && outcome.audit).toEqual({
      action: "import_updated",
      before: { customerName: "Contoso", expiresOn: "2027-01-31" },
      after: { customerName: "Contoso Ltd", expiresOn: "2027-04-30" },
    });
  });

  it("moves the expiry of a reserved voucher when the vendor extends it", () => {
    const outcome = accepted(importVoucher(voucherIn("reserved"), { ...parsed, expiresOn: "2027-04-30" }, identity));
    expect(outcome.record).toMatchObject({ state: "reserved", expiresOn: "2027-04-30" });
  });

  it.each([
    ["engagementTypeCode", { engagementTypeCode: "DDPS-MOB" }],
    ["value", { value: { kind: "days" as const, days: 10 as const } }],
    ["assignedPartnerId", { assignedPartnerId: "MPN-9999" }],
  ])("refuses to rewrite %s of a reserved voucher: a conflict for a person to look at", (field, change) => {
    expect(refusal(importVoucher(voucherIn("reserved"), { ...parsed, ...change }, identity))).toEqual({
      code: "import_conflict",
      facts: { reference: "VCH-7781", field, state: "reserved" },
    });
  });

  it("compares facts whatever the order of their keys", () => {
    expect(sameFacts({ kind: "amount", amount: "1", currency: "EUR" }, { currency: "EUR", amount: "1", kind: "amount" })).toBe(true);
    expect(sameFacts({ days: 5 }, { days: 3 })).toBe(false);
  });
});

describe("importing the vendor's reference records", () => {
  const enrolment = { offering: "DDPS", enrolledOn: "2026-03-01", anniversaryOn: "2027-02-28" };

  it("creates a record the vendor sends for the first time, and replays the same facts as unchanged", () => {
    expect(referenceImportChange(undefined, enrolment)).toBe("created");
    expect(referenceImportChange(enrolment, { anniversaryOn: "2027-02-28", offering: "DDPS", enrolledOn: "2026-03-01" })).toBe("unchanged");
  });

  it("takes the vendor's new facts: a renewed enrolment moves its anniversary", () => {
    expect(referenceImportChange(enrolment, { ...enrolment, anniversaryOn: "2028-02-29" })).toBe("updated");
  });
});
