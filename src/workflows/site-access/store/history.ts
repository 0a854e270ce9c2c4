// A site-access change's history in the platform's audit table: one entry per version of a
// record. A change that says two things at once (a site renamed and its Primary Contact changed)
// takes one version per entry, so nothing it says is merged away.
import type { AuditEntry as PlatformAuditEntry } from "../../../platform/store/audit";
import type { AuditEntry } from "../domain/audit";

/** Who made the change: a partner user, or the vendor (its file, its API). */
export interface ChangedBy {
  actorId?: string;
  actorName: string;
}

export interface Versioned {
  id: string;
  organisationId: string;
  version: number;
}

/**
 * The record as saved (its version moved on by one per extra entry) and its entries. The first
 * entry is the version the domain gave the record; the others follow it.
 */
export function withHistory<R extends Versioned>(
  kind: string,
  record: R,
  entries: readonly AuditEntry[],
  by: ChangedBy,
  at: Date,
): { record: R; audit: PlatformAuditEntry[] } {
  const audit = entries.map(
    (entry, index): PlatformAuditEntry => ({
      organisationId: record.organisationId,
      recordKind: kind,
      recordId: record.id,
      recordVersion: record.version + index,
      at,
      action: entry.action,
      ...(by.actorId ? { actorId: by.actorId } : {}),
      actorName: by.actorName,
      ...(entry.reason ? { reason: entry.reason } : {}),
      ...(entry.before ? { before: entry.before as Record<string, unknown> } : {}),
      ...(entry.after ? { after: entry.after as Record<string, unknown> } : {}),
    }),
  );
  return { record: { ...record, version: record.version + Math.max(0, entries.length - 1) }, audit };
}
