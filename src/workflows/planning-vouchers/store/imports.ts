// Applies the vendor's records inside the import's transaction, idempotent by the vendor's ids:
// the same file twice changes nothing the second time. Vouchers go through the domain's
// import rules (a reserved voucher's fixed facts are never rewritten silently); the partner's
// standing is the vendor's word, replaced when it changes. Records are read in bounded pages
// of keys, never one query per growing list.
import { randomUUID } from "node:crypto";
import { appendAuditEntries, type AuditEntry } from "../../../platform/store/audit";
import type { DbTx } from "../../../platform/store/db";
import type { SectionOutcome } from "../../../platform/import/section";
import { emptyOutcome } from "../../../platform/import/section";
import type { TImportCompetency, TImportConsultant, TImportEngagementType, TImportEnrolment, TImportPartnerId, TImportVoucher } from "../domain/import-records";
import { importVoucher, referenceImportChange } from "../domain/voucher-import";
import { findVoucherByVendorId, insertVoucher, saveVoucherVersion, voucherAuditEntry } from "./vouchers";

export type ImportNote = (index: number, message: string) => string;

export async function importVouchers(tx: DbTx, organisationId: string, rows: readonly TImportVoucher[], now: Date, note: ImportNote): Promise<SectionOutcome> {
  const outcome = emptyOutcome();
  const audit: AuditEntry[] = [];
  for (const [index, row] of rows.entries()) {
    const existing = await findVoucherByVendorId(tx, organisationId, row.vendorVoucherId);
    const decided = importVoucher(existing, row, { id: randomUUID(), organisationId });
    if (!decided.ok) {
      outcome.skipped += 1;
      outcome.notes.push(
        note(index, `${existing?.reference}: the vendor changed ${String(decided.refusal.facts.field)} after it was ${existing?.state}; not applied`),
      );
      continue;
    }
    const result = decided.value;
    if (result.kind === "unchanged") {
      outcome.unchanged += 1;
      continue;
    }
    if (result.kind === "created") {
      await insertVoucher(tx, result.record);
      outcome.created += 1;
    } else {
      if (!existing || !(await saveVoucherVersion(tx, existing, result.record))) throw new Error(`voucher ${row.vendorVoucherId} changed during the import`);
      outcome.updated += 1;
    }
    audit.push(voucherAuditEntry(result.record, result.audit, now));
  }
  await appendAuditEntries(tx, audit);
  return outcome;
}

/** Prisma answers null for no row; the domain's "no record" is undefined. */
function found<T>(row: T | null): T | undefined {
  return row ?? undefined;
}

function count(outcome: SectionOutcome, change: "created" | "updated" | "unchanged"): void {
  outcome[change] += 1;
}

export async function importEngagementTypes(tx: DbTx, organisationId: string, rows: readonly TImportEngagementType[]): Promise<SectionOutcome> {
  const outcome = emptyOutcome();
  for (const row of rows) {
    const existing = found(await tx.planningEngagementType.findFirst({ where: { organisationId, code: row.code } }));
    const facts = { offering: row.offering, name: row.name, qualifyingCompetencies: JSON.stringify(row.qualifyingCompetencies) };
    const change = referenceImportChange(
      existing && { offering: existing.offering, name: existing.name, qualifyingCompetencies: JSON.parse(existing.qualifyingCompetencies) as unknown },
      { offering: row.offering, name: row.name, qualifyingCompetencies: row.qualifyingCompetencies },
    );
    if (change === "created") await tx.planningEngagementType.create({ data: { organisationId, code: row.code, ...facts } });
    if (change === "updated" && existing) await tx.planningEngagementType.update({ where: { id: existing.id }, data: facts });
    count(outcome, change);
  }
  return outcome;
}

export async function importPartnerIds(tx: DbTx, organisationId: string, rows: readonly TImportPartnerId[]): Promise<SectionOutcome> {
  const outcome = emptyOutcome();
  for (const row of rows) {
    const existing = found(await tx.planningPartnerId.findFirst({ where: { organisationId, vendorPartnerId: row.vendorPartnerId } }));
    const change = referenceImportChange(existing && { name: existing.name }, { name: row.name });
    if (change === "created") await tx.planningPartnerId.create({ data: { organisationId, ...row } });
    if (change === "updated" && existing) await tx.planningPartnerId.update({ where: { id: existing.id }, data: { name: row.name } });
    count(outcome, change);
  }
  return outcome;
}

export async function importEnrolments(tx: DbTx, organisationId: string, rows: readonly TImportEnrolment[]): Promise<SectionOutcome> {
  const outcome = emptyOutcome();
  for (const row of rows) {
    const existing = found(await tx.planningEnrolment.findFirst({ where: { organisationId, offering: row.offering } }));
    const facts = { enrolledOn: row.enrolledOn, anniversaryOn: row.anniversaryOn };
    const change = referenceImportChange(existing && { enrolledOn: existing.enrolledOn, anniversaryOn: existing.anniversaryOn }, facts);
    if (change === "created") await tx.planningEnrolment.create({ data: { organisationId, offering: row.offering, ...facts } });
    if (change === "updated" && existing) await tx.planningEnrolment.update({ where: { id: existing.id }, data: facts });
    count(outcome, change);
  }
  return outcome;
}

export async function importCompetencies(tx: DbTx, organisationId: string, rows: readonly TImportCompetency[]): Promise<SectionOutcome> {
  const outcome = emptyOutcome();
  for (const row of rows) {
    const existing = found(await tx.planningCompetency.findFirst({ where: { organisationId, vendorCompetencyId: row.vendorCompetencyId } }));
    const facts = { name: row.name, level: row.level, validThrough: row.validThrough };
    const change = referenceImportChange(existing && { name: existing.name, level: existing.level, validThrough: existing.validThrough }, facts);
    if (change === "created") await tx.planningCompetency.create({ data: { organisationId, vendorCompetencyId: row.vendorCompetencyId, ...facts } });
    if (change === "updated" && existing) await tx.planningCompetency.update({ where: { id: existing.id }, data: facts });
    count(outcome, change);
  }
  return outcome;
}

/** A consultant and the exams they passed: the vendor's list replaces the stored one. */
export async function importConsultants(tx: DbTx, organisationId: string, rows: readonly TImportConsultant[]): Promise<SectionOutcome> {
  const outcome = emptyOutcome();
  for (const row of rows) {
    const existing = found(
      await tx.planningConsultant.findFirst({
        where: { organisationId, vendorConsultantId: row.vendorConsultantId },
        include: { exams: { orderBy: { code: "asc" } } },
      }),
    );
    const exams = [...row.exams].sort((a, b) => a.code.localeCompare(b.code));
    const facts = { name: row.name, email: row.email ?? null, complianceTrainingOn: row.complianceTrainingOn ?? null };
    const change = referenceImportChange(
      existing && {
        ...facts,
        name: existing.name,
        email: existing.email,
        complianceTrainingOn: existing.complianceTrainingOn,
        exams: existing.exams.map((exam) => ({ code: exam.code, name: exam.name, passedOn: exam.passedOn, validThrough: exam.validThrough ?? undefined })),
      },
      { ...facts, exams },
    );
    if (change !== "unchanged") {
      const consultant = existing
        ? await tx.planningConsultant.update({ where: { id: existing.id }, data: facts })
        : await tx.planningConsultant.create({ data: { organisationId, vendorConsultantId: row.vendorConsultantId, ...facts } });
      await tx.planningConsultantExam.deleteMany({ where: { consultantId: consultant.id } });
      await tx.planningConsultantExam.createMany({
        data: exams.map((exam) => ({
          organisationId,
          consultantId: consultant.id,
          code: exam.code,
          name: exam.name,
          passedOn: exam.passedOn,
          validThrough: exam.validThrough ?? null,
        })),
      });
    }
    count(outcome, change);
  }
  return outcome;
}
