// The organisation's sites as the vendor lists them (the import and the inbound API): number,
// name and, when the vendor names one, the Primary Contact. Idempotent by site number: the same
// record again changes nothing; a new name or Primary Contact updates the site, audited. The
// vendor's list is its word on the Primary Contact; a record that names none leaves it as it is.
import { z } from "zod";
import { accept } from "../../../platform/domain/result";
import type { AuditEntry } from "./audit";
import type { SiteAccessResult } from "./refusals";
import { parseSiteNumber, type Site } from "./sites";

export const ZSiteRecord = z
  .object({
    siteNumber: z.string().max(40),
    name: z.string().trim().min(1).max(200),
    primaryContact: z.object({ userId: z.string().min(1).max(100), name: z.string().trim().min(1).max(200) }).optional(),
  })
  .strict();
export type TSiteRecord = z.infer<typeof ZSiteRecord>;

export interface SiteRecordChange {
  record: Site;
  /** Empty when the record was already applied. */
  audit: AuditEntry[];
}

export function applySiteRecord(
  existing: Site | undefined,
  input: TSiteRecord,
  context: { id: string; organisationId: string },
): SiteAccessResult<SiteRecordChange> {
  const siteNumber = parseSiteNumber(input.siteNumber);
  if (!siteNumber.ok) return siteNumber;
  const { name, primaryContact } = input;
  const contact = primaryContact ? { primaryContact } : {};
  if (!existing) {
    const record: Site = { id: context.id, organisationId: context.organisationId, siteNumber: siteNumber.value, name, ...contact, version: 0 };
    return accept({ record, audit: [{ action: "site_added", after: { siteNumber: record.siteNumber, name, ...contact } }] });
  }
  const audit: AuditEntry[] = [];
  if (existing.name !== name) audit.push({ action: "site_renamed", before: { name: existing.name }, after: { name } });
  const previous = existing.primaryContact;
  const contactChanged = primaryContact !== undefined && (primaryContact.userId !== previous?.userId || primaryContact.name !== previous?.name);
  if (contactChanged) {
    audit.push({ action: "primary_contact_changed", ...(previous ? { before: { primaryContact: previous } } : {}), after: contact });
  }
  if (audit.length === 0) return accept({ record: existing, audit });
  return accept({ record: { ...existing, name, ...(contactChanged ? contact : {}), version: existing.version + 1 }, audit });
}
