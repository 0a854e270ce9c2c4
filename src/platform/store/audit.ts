// The append-only audit history of every record of every workflow (table AuditEntry): entries
// are added in the transaction that makes the change, and never updated or deleted. A workflow
// names its records' kind ("ticket"); the platform knows no kind.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/sqlite/client";
import { bulkTable, insertRows } from "./bulk";
import type { DbTx } from "./db";

export interface AuditEntry {
  organisationId: string;
  recordKind: string;
  recordId: string;
  /** The record version this change produced: one entry per version of a record. */
  recordVersion: number;
  at: Date;
  action: string;
  /** The Entra object id of who did it; absent for a vendor file or another system. */
  actorId?: string;
  actorName: string;
  reason?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

type AuditRow = Awaited<ReturnType<DbTx["auditEntry"]["findFirstOrThrow"]>>;

const AUDIT_TABLE = bulkTable<Prisma.AuditEntryCreateManyInput>("AuditEntry", {
  id: "text",
  organisationId: "text",
  recordKind: "text",
  recordId: "text",
  recordVersion: "integer",
  at: "timestamp",
  action: "text",
  actorId: "text",
  actorName: "text",
  reason: "text",
  before: "text",
  after: "text",
});

export async function appendAudit(tx: DbTx, entry: AuditEntry): Promise<void> {
  await appendAuditEntries(tx, [entry]);
}

/** Many entries in a few statements (one per thousand), for an import. */
export async function appendAuditEntries(tx: DbTx, entries: readonly AuditEntry[]): Promise<void> {
  await insertRows(tx, AUDIT_TABLE, entries.map(toRow));
}

/** A record's history, oldest first. */
export async function listAudit(db: DbTx, organisationId: string, recordKind: string, recordId: string): Promise<AuditEntry[]> {
  const rows = await db.auditEntry.findMany({
    where: { organisationId, recordKind, recordId },
    orderBy: { recordVersion: "asc" },
  });
  return rows.map(fromRow);
}

/** The entry that produced one version of a record, if it was this action. */
export async function findAudit(
  db: DbTx,
  where: { organisationId: string; recordKind: string; recordId: string; recordVersion: number; action?: string },
): Promise<AuditEntry | undefined> {
  const row = await db.auditEntry.findFirst({ where });
  return row ? fromRow(row) : undefined;
}

function toRow(entry: AuditEntry): Prisma.AuditEntryCreateManyInput {
  return {
    id: randomUUID(),
    organisationId: entry.organisationId,
    recordKind: entry.recordKind,
    recordId: entry.recordId,
    recordVersion: entry.recordVersion,
    at: entry.at,
    action: entry.action,
    actorId: entry.actorId ?? null,
    actorName: entry.actorName,
    reason: entry.reason ?? null,
    before: entry.before ? JSON.stringify(entry.before) : null,
    after: entry.after ? JSON.stringify(entry.after) : null,
  };
}

function fromRow(row: AuditRow): AuditEntry {
  return {
    organisationId: row.organisationId,
    recordKind: row.recordKind,
    recordId: row.recordId,
    recordVersion: row.recordVersion,
    at: row.at,
    action: row.action,
    ...(row.actorId ? { actorId: row.actorId } : {}),
    actorName: row.actorName,
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.before ? { before: JSON.parse(row.before) as Record<string, unknown> } : {}),
    ...(row.after ? { after: JSON.parse(row.after) as Record<string, unknown> } : {}),
  };
}
