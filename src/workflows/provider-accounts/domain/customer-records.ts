// The partner's own customer records (the CRM "Account" a provider account maps to), imported
// so suggestions have something to match. The partner's system is their source of truth: a
// record imported again with other facts updates ours, and the change is in the history.
import { z } from "zod";
import { checkCustomerIdentity, type CustomerIdentity, differingFields } from "./customer-identity";
import type { AuditEntry } from "./permissions";
import { accept, type ProviderAccountResult } from "./refusals";

export const ZCustomerRecordImportSchema = z.object({
  /** The partner's id for the customer record: what events out name it by. */
  id: z.string().trim().min(1).max(100),
  name: z.string(),
  domains: z.array(z.string()).default([]),
  tenantId: z.string().optional(),
});
export type TCustomerRecordImport = z.infer<typeof ZCustomerRecordImportSchema>;

export interface CustomerRecord extends CustomerIdentity {
  id: string;
  organisationId: string;
  externalId: string;
}

export type CustomerRecordFacts = CustomerIdentity & { externalId: string };

export type CustomerRecordImportOutcome =
  | { outcome: "created"; facts: CustomerRecordFacts; audit: AuditEntry }
  | { outcome: "unchanged" }
  | { outcome: "updated"; facts: CustomerRecordFacts; audit: AuditEntry };

/** What an imported customer record does to the one we hold under the same id, if any. */
export function importCustomerRecord(existing: CustomerRecord | undefined, row: TCustomerRecordImport): ProviderAccountResult<CustomerRecordImportOutcome> {
  const checked = checkCustomerIdentity(row, { customerRecordId: row.id });
  if (!checked.ok) return checked;
  const facts: CustomerRecordFacts = { ...checked.value, externalId: row.id };
  if (!existing) return accept({ outcome: "created", facts, audit: { action: "customerRecord.imported", after: facts } });
  const changed = differingFields(existing, facts);
  if (changed.length === 0) return accept({ outcome: "unchanged" });
  return accept({
    outcome: "updated",
    facts,
    audit: { action: "customerRecord.updated", before: pick(existing, changed), after: pick(facts, changed) },
  });
}

function pick(identity: CustomerIdentity, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, identity[field as keyof CustomerIdentity]]));
}
