// The vendor's records imported twice change nothing the second time; a voucher the vendor
// renames after it was reserved keeps what the partner relied on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureOrganisation } from "../../../../src/platform/store/organisations";
import { importConsultants, importVouchers } from "../../../../src/workflows/planning-vouchers/store/imports";
import { listConsultants } from "../../../../src/workflows/planning-vouchers/store/standing";
import { takeVoucherStep } from "../../../../src/workflows/planning-vouchers/store/voucher-steps";
import { findVoucherByTypedId, listVoucherHistory } from "../../../../src/workflows/planning-vouchers/store/vouchers";
import { createTestDatabase, type TestDatabase } from "../../../support/database";
import { note, seedNow, seedStanding, voucherRow } from "../support/seed";

let database: TestDatabase;
let organisationId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  organisationId = (await ensureOrganisation(database.db, "tenant-imports", { timeZone: "Europe/Paris" })).id;
  await seedStanding(database.db, organisationId);
});

afterAll(async () => database?.destroy());

describe("importing the vendor's voucher records", () => {
  it("creates a voucher once, and the same file again changes nothing", async () => {
    const first = await importVouchers(database.db, organisationId, [voucherRow(8001)], seedNow, note);
    const second = await importVouchers(database.db, organisationId, [voucherRow(8001)], seedNow, note);
    expect(first).toMatchObject({ created: 1, unchanged: 0 });
    expect(second).toMatchObject({ created: 0, unchanged: 1 });
    const voucher = await findVoucherByTypedId(database.db, organisationId, "ddps-8001-ab");
    expect(voucher?.reference).toBe("VCH-8001");
    expect((await listVoucherHistory(database.db, voucher!)).map((entry) => entry.action)).toEqual(["imported"]);
  });

  it("moves a reserved voucher's expiry, but skips a change of its customer with a note", async () => {
    await importVouchers(database.db, organisationId, [voucherRow(8002)], seedNow, note);
    const voucher = await findVoucherByTypedId(database.db, organisationId, "VCH-8002");
    await takeVoucherStep(
      database.db,
      { organisationId, voucherId: voucher!.id, actor: { userId: "a", name: "Ana", role: "admin" }, timeZone: "Europe/Paris", now: seedNow },
      { step: "reserve", command: { administratorEmail: "sa.admin@contoso.example", termsAccepted: true } },
    );
    const moved = await importVouchers(database.db, organisationId, [voucherRow(8002, { expiresOn: "2027-03-31" })], seedNow, note);
    expect(moved.updated).toBe(1);
    const renamed = await importVouchers(database.db, organisationId, [voucherRow(8002, { customerName: "Fabrikam", expiresOn: "2027-03-31" })], seedNow, note);
    expect(renamed).toMatchObject({ skipped: 1, notes: [expect.stringContaining("customerName")] });
    expect(await findVoucherByTypedId(database.db, organisationId, "VCH-8002")).toMatchObject({
      customerName: "Contoso",
      expiresOn: "2027-03-31",
      state: "reserved",
    });
  });

  it("replaces a consultant's exams when the vendor's list changes, and leaves them when it does not", async () => {
    const row = {
      vendorConsultantId: "CON-TOM",
      name: "Tom",
      complianceTrainingOn: "2026-02-10",
      exams: [{ code: "AZ-104", name: "Azure Administrator", passedOn: "2026-01-15" }],
    };
    expect(await importConsultants(database.db, organisationId, [row])).toMatchObject({ unchanged: 1 });
    const updated = { ...row, exams: [...row.exams, { code: "MD-101", name: "Managing Modern Desktops", passedOn: "2026-11-02", validThrough: "2028-11-02" }] };
    expect(await importConsultants(database.db, organisationId, [updated])).toMatchObject({ updated: 1 });
    const tom = (await listConsultants(database.db, organisationId)).find((consultant) => consultant.name === "Tom");
    expect(tom?.exams.map((exam) => exam.code)).toEqual(["AZ-104", "MD-101"]);
  });
});
