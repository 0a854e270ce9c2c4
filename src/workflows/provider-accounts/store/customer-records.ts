// The partner's customer records, imported by the partner's id. Suggestions read them a page at a
// time (keyset on id), keeping the best few: the cost of a statement never grows with the data.
import { appendAuditEntries } from "../../../platform/store/audit";
import type { DbTx } from "../../../platform/store/db";
import type { CustomerRecord, CustomerRecordFacts } from "../domain/customer-records";
import type { AuditEntry } from "../domain/permissions";

export const CUSTOMER_RECORD_KIND = "customerRecord";
const PAGE = 1_000;

type CustomerRow = Awaited<ReturnType<DbTx["customerRecord"]["findFirstOrThrow"]>>;

export function toCustomerRecord(row: CustomerRow): CustomerRecord {
  return {
    id: row.id,
    organisationId: row.organisationId,
    externalId: row.externalId,
    name: row.name,
    domains: parseDomains(row.domains),
    ...(row.tenantId ? { tenantId: row.tenantId } : {}),
  };
}

export function parseDomains(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((domain): domain is string => typeof domain === "string") : [];
  } catch {
    return [];
  }
}

export async function findCustomerRecord(db: DbTx, organisationId: string, id: string): Promise<CustomerRecord | undefined> {
  const row = await db.customerRecord.findFirst({ where: { organisationId, id } });
  return row ? toCustomerRecord(row) : undefined;
}

export async function findCustomerRecordByExternalId(db: DbTx, organisationId: string, externalId: string): Promise<CustomerRecord | undefined> {
  const row = await db.customerRecord.findFirst({ where: { organisationId, externalId } });
  return row ? toCustomerRecord(row) : undefined;
}

/** Visits every customer record of the organisation, a page at a time. */
export async function forEachCustomerPage(db: DbTx, organisationId: string, visit: (page: CustomerRecord[]) => void): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const rows = await db.customerRecord.findMany({
      where: { organisationId, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    visit(rows.map(toCustomerRecord));
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]?.id;
  }
}

/** Creates or updates a record by the partner's id, with its audit entry. */
export async function saveCustomerRecord(
  tx: DbTx,
  organisationId: string,
  existing: CustomerRecord | undefined,
  facts: CustomerRecordFacts,
  audit: AuditEntry,
  now: Date,
  actorName: string,
): Promise<CustomerRecord> {
  const data = { name: facts.name, domains: JSON.stringify(facts.domains), tenantId: facts.tenantId ?? null };
  const row = existing
    ? await tx.customerRecord.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } })
    : await tx.customerRecord.create({ data: { ...data, organisationId, externalId: facts.externalId } });
  await appendAuditEntries(tx, [
    {
      organisationId,
      recordKind: CUSTOMER_RECORD_KIND,
      recordId: row.id,
      recordVersion: row.version,
      at: now,
      action: audit.action,
      actorName,
      ...(audit.before ? { before: audit.before as Record<string, unknown> } : {}),
      ...(audit.after ? { after: audit.after as Record<string, unknown> } : {}),
    },
  ]);
  return toCustomerRecord(row);
}
