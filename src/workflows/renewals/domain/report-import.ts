// Applying one line item of the vendor's report (DOMAIN.md, "The vendor's side": the report is
// the vendor's word): idempotent by agreement and line item. The same facts again change
// nothing; changed facts (a moved end date, a new value) update the item and say what changed;
// a quote number in the report marks an open item quoted. The reseller's own outcome (renewed,
// lost) is never undone by a report.
import type { AuditEntry, RenewalChange } from "./audit";
import type { RenewalLineItem, TRenewalLineItemRecord } from "./line-items";

const FACTS = ["siteNumber", "siteName", "customerName", "description", "endDate", "amount", "currency", "accountOwner"] as const;

export interface ImportContext {
  id: string;
  organisationId: string;
  /** The partner user the report's account owner names, if one matched: it follows every report. */
  ownerUserId?: string;
}

export function applyReportLineItem(existing: RenewalLineItem | undefined, record: TRenewalLineItemRecord, context: ImportContext): RenewalChange {
  if (!existing) {
    const item: RenewalLineItem = {
      ...record,
      id: context.id,
      organisationId: context.organisationId,
      ...(context.ownerUserId ? { ownerUserId: context.ownerUserId } : {}),
      state: record.quoteNumber ? "quoted" : "open",
      version: 0,
    };
    return { record: item, audit: [{ action: "imported", after: { ...record, state: item.state } }] };
  }
  const next: RenewalLineItem = { ...existing };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of [...FACTS, "ownerUserId"] as const) {
    const value = field === "ownerUserId" ? context.ownerUserId : record[field];
    if (existing[field] === value) continue;
    before[field] = existing[field];
    after[field] = value;
    if (value === undefined) delete next[field];
    else Object.assign(next, { [field]: value });
  }
  const audit: AuditEntry[] = Object.keys(after).length > 0 ? [{ action: "updated_from_report", before, after }] : [];
  const quoted = record.quoteNumber && record.quoteNumber !== existing.quoteNumber && (existing.state === "open" || existing.state === "quoted");
  if (quoted) {
    audit.push({
      action: existing.state === "open" ? "quoted" : "requoted",
      before: { state: existing.state, ...(existing.quoteNumber ? { quoteNumber: existing.quoteNumber } : {}) },
      after: { state: "quoted", quoteNumber: record.quoteNumber },
    });
    Object.assign(next, { state: "quoted", quoteNumber: record.quoteNumber });
  }
  if (audit.length === 0) return { record: existing, audit };
  return { record: { ...next, version: existing.version + 1 }, audit };
}
