// The vendor's records for a partner enrolled in DDPS with the Windows and Devices competency,
// two consultants (Rina eligible, Tom not) and vouchers assigned to it, written through the
// import's store functions as an import file would. Dates are fixed; tests pin their clock.
import type { DbTx } from "../../../../src/platform/store/db";
import type { TImportVoucher } from "../../../../src/workflows/planning-vouchers/domain/import-records";
import {
  importCompetencies,
  importConsultants,
  importEngagementTypes,
  importEnrolments,
  importPartnerIds,
  importVouchers,
} from "../../../../src/workflows/planning-vouchers/store/imports";
import { findVoucherByTypedId } from "../../../../src/workflows/planning-vouchers/store/vouchers";

/** 1 December 2026, 09:00 UTC. */
export const seedNow = new Date("2026-12-01T09:00:00Z");

export const note = (index: number, message: string) => `vouchers[${index}]: ${message}`;

export function voucherRow(number: number, overrides: Partial<TImportVoucher> = {}): TImportVoucher {
  return {
    vendorVoucherId: `DDPS-${number}-AB`,
    reference: `VCH-${number}`,
    customerName: "Contoso",
    administratorEmail: "sa.admin@contoso.example",
    assignedPartnerId: "MPN-4410",
    offering: "DDPS",
    engagementTypeCode: "DDPS-WOD",
    value: { kind: "amount", amount: "6250", currency: "EUR" },
    assignedOn: "2026-11-20",
    expiresOn: "2027-01-31",
    ...overrides,
  };
}

export async function seedStanding(tx: DbTx, organisationId: string, options: { competencyValidThrough?: string } = {}): Promise<void> {
  await importPartnerIds(tx, organisationId, [{ vendorPartnerId: "MPN-4410", name: "Contoso Partners Paris" }]);
  await importEngagementTypes(tx, organisationId, [
    {
      code: "DDPS-WOD",
      offering: "DDPS",
      name: "Windows and Office Deployment Planning",
      qualifyingCompetencies: [{ competency: "Windows and Devices", minimumLevel: "silver", exams: ["MD-100", "MD-101"] }],
    },
    {
      code: "DDPS-CLOUD",
      offering: "DDPS",
      name: "Cloud Platform Deployment Planning",
      qualifyingCompetencies: [{ competency: "Cloud Platform", minimumLevel: "silver", exams: ["AZ-104"] }],
    },
  ]);
  await importEnrolments(tx, organisationId, [{ offering: "DDPS", enrolledOn: "2026-03-01", anniversaryOn: "2027-02-28" }]);
  await importCompetencies(tx, organisationId, [
    { vendorCompetencyId: "CMP-WD", name: "Windows and Devices", level: "gold", validThrough: options.competencyValidThrough ?? "2027-06-30" },
    { vendorCompetencyId: "CMP-CP", name: "Cloud Platform", level: "silver", validThrough: "2026-10-03" },
  ]);
  await importConsultants(tx, organisationId, [
    {
      vendorConsultantId: "CON-RINA",
      name: "Rina",
      complianceTrainingOn: "2026-02-10",
      exams: [{ code: "MD-100", name: "Windows Client", passedOn: "2025-05-04", validThrough: "2027-05-04" }],
    },
    {
      vendorConsultantId: "CON-TOM",
      name: "Tom",
      complianceTrainingOn: "2026-02-10",
      exams: [{ code: "AZ-104", name: "Azure Administrator", passedOn: "2026-01-15" }],
    },
  ]);
}

export async function seedVoucher(tx: DbTx, organisationId: string, row: TImportVoucher, now = seedNow) {
  await importVouchers(tx, organisationId, [row], now, note);
  const voucher = await findVoucherByTypedId(tx, organisationId, row.reference);
  if (!voucher) throw new Error(`${row.reference} was not imported`);
  return voucher;
}
