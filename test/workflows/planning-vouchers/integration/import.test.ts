// The vendor's voucher records through the organisation's import, twice: the second run changes
// nothing. The sections come in the import file under their own names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformTables } from "../../../../src/app";
import { importFormat } from "../../../../src/platform/import/import-file";
import { runImport } from "../../../../src/platform/import/run-import";
import { findOrganisationByTenant } from "../../../../src/platform/store/organisations";
import { findVoucherByTypedId } from "../../../../src/workflows/planning-vouchers/store/vouchers";
import { createTestDatabase, type TestDatabase } from "../../../support/database";
import { seedNow, voucherRow } from "../support/seed";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => database?.destroy());

const file = {
  version: 1,
  organisation: { tenantId: "tenant-import", name: "Contoso Partners", timeZone: "Europe/Paris" },
  voucherEngagementTypes: [
    {
      code: "DDPS-WOD",
      offering: "DDPS",
      name: "Windows and Office Deployment Planning",
      qualifyingCompetencies: [{ competency: "Windows and Devices", minimumLevel: "silver", exams: ["MD-100"] }],
    },
  ],
  voucherPartnerIds: [{ vendorPartnerId: "MPN-4410", name: "Contoso Partners Paris" }],
  voucherEnrolments: [{ offering: "DDPS", enrolledOn: "2026-03-01", anniversaryOn: "2027-02-28" }],
  voucherCompetencies: [{ vendorCompetencyId: "CMP-WD", name: "Windows and Devices", level: "gold", validThrough: "2027-06-30" }],
  voucherConsultants: [
    {
      vendorConsultantId: "CON-RINA",
      name: "Rina",
      complianceTrainingOn: "2026-02-10",
      exams: [{ code: "MD-100", name: "Windows Client", passedOn: "2025-05-04" }],
    },
  ],
  vouchers: [voucherRow(5101), voucherRow(5102, { value: { kind: "days", days: 5 } })],
};

describe("importing the vendor's voucher records", () => {
  it("applies every voucher section, and the same file again changes nothing", async () => {
    const format = importFormat(platformTables().importSections);
    const first = await runImport(format, database.db, file, seedNow);
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    expect(first.summary.sections.vouchers).toMatchObject({ created: 2 });
    expect(first.summary.sections.voucherConsultants).toMatchObject({ created: 1 });
    const organisation = await findOrganisationByTenant(database.db, "tenant-import");
    expect(await findVoucherByTypedId(database.db, organisation!.id, "VCH-5102")).toMatchObject({ value: { kind: "days", days: 5 }, state: "assigned" });
    const second = await runImport(format, database.db, file, seedNow);
    if (!second.ok) throw new Error(JSON.stringify(second.problems));
    for (const outcome of Object.values(second.summary.sections)) expect(outcome).toMatchObject({ created: 0, updated: 0 });
    expect(await database.db.planningVoucher.count({ where: { organisationId: organisation!.id } })).toBe(2);
  });
});
