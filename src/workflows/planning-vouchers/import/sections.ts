// The vendor's voucher records in the import file, each array idempotent by the vendor's ids:
// engagement types, the partner's ids, enrolments, competencies, consultants with their exams,
// and vouchers assigned to the partner (after the records they name).
import { recordName } from "../../../platform/import/problems";
import { defineSection } from "../../../platform/import/section";
import type { ImportSectionDeclaration } from "../../../platform/workflow";
import {
  ZImportCompetencySchema,
  ZImportConsultantSchema,
  ZImportEngagementTypeSchema,
  ZImportEnrolmentSchema,
  ZImportPartnerIdSchema,
  ZImportVoucherSchema,
} from "../domain/import-records";
import { importCompetencies, importConsultants, importEngagementTypes, importEnrolments, importPartnerIds, importVouchers } from "../store/imports";

export const voucherEngagementTypesSection = defineSection({
  description: "Planning-services engagement types and the competencies (with their exams) that qualify for each, by code.",
  record: ZImportEngagementTypeSchema,
  identity: "code",
  uniqueFields: ["code"],
  apply: (tx, organisation, records) => importEngagementTypes(tx, organisation.id, records),
});

export const voucherPartnerIdsSection = defineSection({
  description: "The ids the vendor knows this partner and its locations by: vouchers assigned to them are the organisation's.",
  record: ZImportPartnerIdSchema,
  identity: "vendorPartnerId",
  uniqueFields: ["vendorPartnerId"],
  apply: (tx, organisation, records) => importPartnerIds(tx, organisation.id, records),
});

export const voucherEnrolmentsSection = defineSection({
  description: "The partner's yearly enrolments in planning-services offerings, by offering.",
  record: ZImportEnrolmentSchema,
  identity: "offering",
  uniqueFields: ["offering"],
  apply: (tx, organisation, records) => importEnrolments(tx, organisation.id, records),
});

export const voucherCompetenciesSection = defineSection({
  description: "The competencies the partner holds, by the vendor's competency id.",
  record: ZImportCompetencySchema,
  identity: "vendorCompetencyId",
  uniqueFields: ["vendorCompetencyId"],
  apply: (tx, organisation, records) => importCompetencies(tx, organisation.id, records),
});

export const voucherConsultantsSection = defineSection({
  description: "The partner's consultants and the exams they passed, by the vendor's consultant id; the exams listed replace those stored.",
  record: ZImportConsultantSchema,
  identity: "vendorConsultantId",
  uniqueFields: ["vendorConsultantId"],
  apply: (tx, organisation, records) => importConsultants(tx, organisation.id, records),
});

export const vouchersSection = defineSection({
  description: "Planning vouchers customers assigned to the partner, by the vendor's voucher ID; a reserved voucher's fixed facts are never rewritten.",
  record: ZImportVoucherSchema,
  identity: "vendorVoucherId",
  uniqueFields: ["vendorVoucherId", "reference"],
  apply: (tx, organisation, records, now) =>
    importVouchers(
      tx,
      organisation.id,
      records,
      now,
      (index, message) => `${recordName("vouchers", index, { field: "vendorVoucherId", value: records[index]?.vendorVoucherId ?? "" })}: ${message}`,
    ),
});

export const VOUCHER_IMPORT_SECTIONS: readonly ImportSectionDeclaration[] = [
  { name: "voucherEngagementTypes", section: voucherEngagementTypesSection },
  { name: "voucherPartnerIds", section: voucherPartnerIdsSection },
  { name: "voucherEnrolments", section: voucherEnrolmentsSection },
  { name: "voucherCompetencies", section: voucherCompetenciesSection },
  { name: "voucherConsultants", section: voucherConsultantsSection },
  { name: "vouchers", section: vouchersSection, after: ["voucherEngagementTypes", "voucherPartnerIds"] },
];
