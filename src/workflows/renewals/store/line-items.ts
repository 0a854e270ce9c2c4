// Loads and saves renewal line items (table RenewalLineItem) and their append-only history (the
// platform's audit table, record kind "renewal"). A change is saved with a conditional update on
// (id, organisation, version): of several writers holding the same version exactly one wins.
import type { AuditEntry as DomainAuditEntry } from "../domain/audit";
import { addDays, type CalendarDate } from "../domain/calendar-dates";
import type { RenewalLineItem, RenewalState } from "../domain/line-items";
import { type AuditEntry, listAudit } from "../../../platform/store/audit";
import type { DbTx } from "../../../platform/store/db";

type Row = Awaited<ReturnType<DbTx["renewalLineItem"]["findFirstOrThrow"]>>;

export const RENEWAL_RECORD_KIND = "renewal";

/** The most line items one list reads: a reseller's 180 days of renewals, not a whole history. */
export const DUE_LIST_READ_CAP = 5000;

export function toLineItem(row: Row): RenewalLineItem {
  return {
    id: row.id,
    organisationId: row.organisationId,
    agreementNumber: row.agreementNumber,
    lineItem: row.lineItem,
    siteName: row.siteName,
    customerName: row.customerName,
    endDate: row.endDate,
    amount: row.amount,
    currency: row.currency,
    state: row.state as RenewalState,
    version: row.version,
    ...(row.siteNumber !== null ? { siteNumber: row.siteNumber } : {}),
    ...(row.description !== null ? { description: row.description } : {}),
    ...(row.quoteNumber !== null ? { quoteNumber: row.quoteNumber } : {}),
    ...(row.accountOwner !== null ? { accountOwner: row.accountOwner } : {}),
    ...(row.ownerUserId !== null ? { ownerUserId: row.ownerUserId } : {}),
    ...(row.lostReason !== null ? { lostReason: row.lostReason } : {}),
  };
}

/** Every column a line item writes; absent optional facts are written as null. */
export function lineItemColumns(item: RenewalLineItem) {
  return {
    agreementNumber: item.agreementNumber,
    lineItem: item.lineItem,
    siteNumber: item.siteNumber ?? null,
    siteName: item.siteName,
    customerName: item.customerName,
    description: item.description ?? null,
    endDate: item.endDate,
    amount: item.amount,
    currency: item.currency,
    quoteNumber: item.quoteNumber ?? null,
    accountOwner: item.accountOwner ?? null,
    ownerUserId: item.ownerUserId ?? null,
    state: item.state,
    lostReason: item.lostReason ?? null,
    version: item.version,
  };
}

/** Every lookup names the organisation: a line item of another tenant reads as absent. */
export async function findLineItem(db: DbTx, organisationId: string, id: string): Promise<RenewalLineItem | undefined> {
  const row = await db.renewalLineItem.findFirst({ where: { organisationId, id } });
  return row ? toLineItem(row) : undefined;
}

export async function findLineItemByKey(db: DbTx, organisationId: string, agreementNumber: string, lineItem: string): Promise<RenewalLineItem | undefined> {
  const row = await db.renewalLineItem.findFirst({ where: { organisationId, agreementNumber, lineItem } });
  return row ? toLineItem(row) : undefined;
}

/**
 * Open and quoted line items ending from `from` to `from + days` (calendar dates sort as text),
 * along the index on (organisation, state, endDate); at most DUE_LIST_READ_CAP of them.
 */
export async function listOpenLineItemsEnding(db: DbTx, organisationId: string, from: CalendarDate, days: number): Promise<RenewalLineItem[]> {
  const rows = await db.renewalLineItem.findMany({
    where: { organisationId, state: { in: ["open", "quoted"] }, endDate: { gte: from, lte: addDays(from, days) } },
    orderBy: [{ endDate: "asc" }, { agreementNumber: "asc" }, { lineItem: "asc" }],
    take: DUE_LIST_READ_CAP,
  });
  return rows.map(toLineItem);
}

/** Saves the next version if the stored one is still `current`'s: true when it did. */
export async function saveLineItemVersion(tx: DbTx, current: RenewalLineItem, next: RenewalLineItem): Promise<boolean> {
  const { count } = await tx.renewalLineItem.updateMany({
    where: { id: current.id, organisationId: current.organisationId, version: current.version },
    data: lineItemColumns(next),
  });
  return count === 1;
}

/** A change of n history entries (a report's update and its quote) moves the item n versions on. */
export function versionedChange(before: RenewalLineItem | undefined, record: RenewalLineItem, entries: number): RenewalLineItem {
  return { ...record, version: before ? before.version + entries : entries - 1 };
}

export interface AuditAuthor {
  actorId?: string;
  actorName: string;
}

/**
 * The domain's history entries as audit rows, one version each, the last one `item.version`
 * (the store numbers a change of n entries n versions on: see `versionedChange`).
 */
export function lineItemAudit(item: RenewalLineItem, entries: readonly DomainAuditEntry[], author: AuditAuthor, at: Date): AuditEntry[] {
  return entries.map((entry, index) => ({
    organisationId: item.organisationId,
    recordKind: RENEWAL_RECORD_KIND,
    recordId: item.id,
    recordVersion: item.version - (entries.length - 1 - index),
    at,
    action: entry.action,
    ...(author.actorId ? { actorId: author.actorId } : {}),
    actorName: author.actorName,
    ...(entry.reason ? { reason: entry.reason } : {}),
    ...(entry.before ? { before: entry.before as Record<string, unknown> } : {}),
    ...(entry.after ? { after: entry.after as Record<string, unknown> } : {}),
  }));
}

export function lineItemHistory(db: DbTx, item: RenewalLineItem): Promise<AuditEntry[]> {
  return listAudit(db, item.organisationId, RENEWAL_RECORD_KIND, item.id);
}
