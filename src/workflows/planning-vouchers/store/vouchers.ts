// Loads and saves planning vouchers. A step is saved with a conditional update on (id,
// organisation, version): of twenty Reserve clicks holding the same version exactly one
// succeeds, on SQLite and PostgreSQL alike. Every lookup names the organisation, so another
// organisation's voucher reads as absent. History is the platform's audit table, kind "voucher".
import { type AuditEntry, listAudit } from "../../../platform/store/audit";
import type { DbTx } from "../../../platform/store/db";
import type { VoucherAudit } from "../domain/steps";
import { type Voucher, type VoucherState, type PlanningDays, normaliseVoucherReference, vendorIdKey } from "../domain/voucher";
import type { VoucherActor } from "../domain/permissions";

export const VOUCHER_RECORD_KIND = "voucher";

type VoucherRow = Awaited<ReturnType<DbTx["planningVoucher"]["findFirstOrThrow"]>>;

export async function findVoucher(db: DbTx, organisationId: string, id: string): Promise<Voucher | undefined> {
  const row = await db.planningVoucher.findFirst({ where: { organisationId, id } });
  return row ? toVoucher(row) : undefined;
}

/** By the bot's reference ("VCH-7781", "vch 7781") or the vendor's printed ID, within the organisation. */
export async function findVoucherByTypedId(db: DbTx, organisationId: string, typed: string): Promise<Voucher | undefined> {
  const reference = normaliseVoucherReference(typed);
  const byReference = reference ? await db.planningVoucher.findFirst({ where: { organisationId, reference } }) : null;
  const row = byReference ?? (await db.planningVoucher.findFirst({ where: { organisationId, vendorVoucherKey: vendorIdKey(typed) } }));
  return row ? toVoucher(row) : undefined;
}

export async function findVoucherByVendorId(db: DbTx, organisationId: string, vendorVoucherId: string): Promise<Voucher | undefined> {
  const row = await db.planningVoucher.findFirst({ where: { organisationId, vendorVoucherKey: vendorIdKey(vendorVoucherId) } });
  return row ? toVoucher(row) : undefined;
}

/** A list is read up to this many open vouchers; past it the card says there are more. */
export const OPEN_VOUCHER_CAP = 200;

/**
 * The organisation's vouchers not yet paid, read along (organisation, state, expiresOn):
 * bounded, so a list costs the same however many vouchers were ever paid.
 */
export async function listOpenVouchers(db: DbTx, organisationId: string, limit = OPEN_VOUCHER_CAP): Promise<Voucher[]> {
  const rows = await db.planningVoucher.findMany({
    where: { organisationId, state: { not: "paid" } },
    orderBy: [{ expiresOn: "asc" }, { reference: "asc" }],
    take: limit,
  });
  return rows.map(toVoucher);
}

/** Saves `next` if the stored voucher is still at `before.version`; answers whether it did. */
export async function saveVoucherVersion(tx: DbTx, before: Voucher, next: Voucher): Promise<boolean> {
  const { count } = await tx.planningVoucher.updateMany({
    where: { id: before.id, organisationId: before.organisationId, version: before.version },
    data: voucherData(next),
  });
  return count === 1;
}

export async function insertVoucher(tx: DbTx, voucher: Voucher): Promise<void> {
  await tx.planningVoucher.create({
    data: { id: voucher.id, organisationId: voucher.organisationId, vendorVoucherId: voucher.vendorVoucherId, ...voucherData(voucher) },
  });
}

/** The history entry of a step, stamped with who did it (none for the vendor). */
export function voucherAuditEntry(record: Voucher, audit: VoucherAudit, now: Date, actor?: Pick<VoucherActor, "userId" | "name">): AuditEntry {
  return {
    organisationId: record.organisationId,
    recordKind: VOUCHER_RECORD_KIND,
    recordId: record.id,
    recordVersion: record.version,
    at: now,
    action: audit.action,
    ...(actor ? { actorId: actor.userId, actorName: actor.name } : { actorName: "vendor" }),
    ...(audit.reason ? { reason: audit.reason } : {}),
    ...(audit.before ? { before: audit.before as Record<string, unknown> } : {}),
    ...(audit.after ? { after: audit.after as Record<string, unknown> } : {}),
  };
}

export function listVoucherHistory(db: DbTx, voucher: Pick<Voucher, "organisationId" | "id">): Promise<AuditEntry[]> {
  return listAudit(db, voucher.organisationId, VOUCHER_RECORD_KIND, voucher.id);
}

function voucherData(v: Voucher) {
  const { reservation: r, schedule: s, completion: c, redemption, invoice, payment, value } = v;
  return {
    vendorVoucherKey: vendorIdKey(v.vendorVoucherId),
    reference: v.reference,
    customerName: v.customerName,
    administratorEmail: v.administratorEmail,
    assignedPartnerId: v.assignedPartnerId,
    offering: v.offering,
    engagementTypeCode: v.engagementTypeCode,
    valueKind: value.kind,
    valueDays: value.kind === "days" ? value.days : null,
    valueAmount: value.kind === "amount" ? value.amount : null,
    valueCurrency: value.kind === "amount" ? value.currency : null,
    assignedOn: v.assignedOn,
    expiresOn: v.expiresOn,
    state: v.state,
    version: v.version,
    reservedAt: r?.at ?? null,
    reservedById: r?.byUserId ?? null,
    reservedByName: r?.byName ?? null,
    qualifyingCompetency: r?.qualifyingCompetency ?? null,
    competencyValidThrough: r?.competencyValidThrough ?? null,
    enrolmentAnniversary: r?.enrolmentAnniversary ?? null,
    scheduledAt: s?.at ?? null,
    scheduledById: s?.byUserId ?? null,
    scheduledByName: s?.byName ?? null,
    startOn: s?.startOn ?? null,
    endOn: s?.endOn ?? null,
    consultantId: s?.consultantId ?? null,
    consultantName: s?.consultantName ?? null,
    qualifyingExam: s?.qualifyingExam ?? null,
    examValidThrough: s?.examValidThrough ?? null,
    expiresBeforeDelivery: s?.expiresBeforeDelivery ?? false,
    completionFiledAt: c?.at ?? null,
    completionFiledById: c?.byUserId ?? null,
    completionFiledByName: c?.byName ?? null,
    deliveredOn: c?.deliveredOn ?? null,
    deliverables: c ? JSON.stringify(c.deliverables) : null,
    acceptedByName: c?.acceptedByName ?? null,
    acceptedByEmail: c?.acceptedByEmail ?? null,
    redeemedAt: redemption?.at ?? null,
    redeemedById: redemption?.byUserId ?? null,
    redeemedByName: redemption?.byName ?? null,
    invoicedAt: invoice?.at ?? null,
    invoicedById: invoice?.byUserId ?? null,
    invoicedByName: invoice?.byName ?? null,
    invoiceNumber: invoice?.number ?? null,
    invoiceAmount: invoice?.amount ?? null,
    invoiceCurrency: invoice?.currency ?? null,
    paymentRecordedAt: payment?.at ?? null,
    paymentReference: payment?.reference ?? null,
    paidOn: payment?.paidOn ?? null,
  };
}

function step(at: Date | null, byUserId: string | null, byName: string | null) {
  return at && byName ? { at, byUserId: byUserId ?? "", byName } : undefined;
}

function toVoucher(row: VoucherRow): Voucher {
  const reservedBy = step(row.reservedAt, row.reservedById, row.reservedByName);
  const scheduledBy = step(row.scheduledAt, row.scheduledById, row.scheduledByName);
  const filedBy = step(row.completionFiledAt, row.completionFiledById, row.completionFiledByName);
  const redeemedBy = step(row.redeemedAt, row.redeemedById, row.redeemedByName);
  const invoicedBy = step(row.invoicedAt, row.invoicedById, row.invoicedByName);
  return {
    id: row.id,
    organisationId: row.organisationId,
    vendorVoucherId: row.vendorVoucherId,
    reference: row.reference,
    customerName: row.customerName,
    administratorEmail: row.administratorEmail,
    assignedPartnerId: row.assignedPartnerId,
    offering: row.offering,
    engagementTypeCode: row.engagementTypeCode,
    value:
      row.valueKind === "days"
        ? { kind: "days", days: (row.valueDays ?? 1) as PlanningDays }
        : { kind: "amount", amount: row.valueAmount ?? "0", currency: row.valueCurrency ?? "" },
    assignedOn: row.assignedOn,
    expiresOn: row.expiresOn,
    state: row.state as VoucherState,
    version: row.version,
    ...(reservedBy && row.qualifyingCompetency && row.competencyValidThrough && row.enrolmentAnniversary
      ? {
          reservation: {
            ...reservedBy,
            qualifyingCompetency: row.qualifyingCompetency,
            competencyValidThrough: row.competencyValidThrough,
            enrolmentAnniversary: row.enrolmentAnniversary,
          },
        }
      : {}),
    ...(scheduledBy && row.startOn && row.endOn && row.consultantId && row.consultantName && row.qualifyingExam
      ? {
          schedule: {
            ...scheduledBy,
            startOn: row.startOn,
            endOn: row.endOn,
            consultantId: row.consultantId,
            consultantName: row.consultantName,
            qualifyingExam: row.qualifyingExam,
            ...(row.examValidThrough ? { examValidThrough: row.examValidThrough } : {}),
            expiresBeforeDelivery: row.expiresBeforeDelivery,
          },
        }
      : {}),
    ...(filedBy && row.deliveredOn && row.acceptedByName && row.acceptedByEmail
      ? {
          completion: {
            ...filedBy,
            deliveredOn: row.deliveredOn,
            deliverables: JSON.parse(row.deliverables ?? "[]") as string[],
            acceptedByName: row.acceptedByName,
            acceptedByEmail: row.acceptedByEmail,
          },
        }
      : {}),
    ...(redeemedBy ? { redemption: redeemedBy } : {}),
    ...(invoicedBy && row.invoiceNumber && row.invoiceAmount && row.invoiceCurrency
      ? { invoice: { ...invoicedBy, number: row.invoiceNumber, amount: row.invoiceAmount, currency: row.invoiceCurrency } }
      : {}),
    ...(row.paymentRecordedAt && row.paymentReference && row.paidOn
      ? { payment: { at: row.paymentRecordedAt, reference: row.paymentReference, paidOn: row.paidOn } }
      : {}),
  };
}
