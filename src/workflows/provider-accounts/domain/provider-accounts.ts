// A provider account (Work 365's "Provider Account"): one customer tenant as a provider such as
// Microsoft Partner Center, TD SYNNEX or Ingram Micro knows it, created when the customer accepts
// the reseller relationship. It arrives unmapped; until it is mapped to a customer record,
// subscriptions sync without a customer or billing contract and provisioning fails.
import { z } from "zod";
import { CLOCK_SKEW_ALLOWANCE_MS } from "../../../platform/domain/reported-time";
import { checkCustomerIdentity, differingFields, type CustomerIdentity } from "./customer-identity";
import type { AuditEntry } from "./permissions";
import { accept, type ProviderAccountResult, refuse } from "./refusals";

export const MAPPING_STATES = ["unmapped", "mapped"] as const;
export type MappingState = (typeof MAPPING_STATES)[number];

export const PROVIDER_MAX = 100;

/** Who mapped the account to which customer record, and when; the reason when an admin changed it. */
export interface Mapping {
  customerRecordId: string;
  customerExternalId: string;
  customerName: string;
  at: Date;
  byId: string;
  byName: string;
  reason?: string;
}

export interface ProviderAccount {
  id: string;
  organisationId: string;
  /** The provider's name, as the provider list shows it ("Microsoft Partner Center"). */
  provider: string;
  /** "Provider Specific Account Id": the customer's unique id at the provider. */
  providerAccountId: string;
  /** The customer's name in the provider's portal ("Provider Name"). */
  name: string;
  domains: string[];
  customerTenantId?: string;
  appearedAt: Date;
  state: MappingState;
  mapping?: Mapping;
  version: number;
}

/** A provider account as the import section and the inbound route receive it. */
export const ZProviderAccountImportSchema = z.object({
  provider: z.string(),
  providerAccountId: z.string().trim().min(1).max(200),
  name: z.string(),
  domains: z.array(z.string()).default([]),
  customerTenantId: z.string().optional(),
  /** When the provider created it; the time it reaches us when the provider does not say. */
  appearedAt: z.coerce.date().optional(),
});
export type TProviderAccountImport = z.infer<typeof ZProviderAccountImportSchema>;

export type ProviderAccountFacts = Pick<ProviderAccount, "provider" | "providerAccountId" | "name" | "domains" | "customerTenantId" | "appearedAt">;

export type ProviderAccountArrival = { outcome: "appeared"; facts: ProviderAccountFacts; audit: AuditEntry } | { outcome: "replay" };

/**
 * What a received provider account does, given the one we hold under the same provider and
 * account id, if any: it appears unmapped, or it is a replay when it states the same facts.
 * Other facts under the same id are a conflict, named field by field, never a silent change.
 */
export function receiveProviderAccount(
  existing: ProviderAccount | undefined,
  row: TProviderAccountImport,
  now: Date,
): ProviderAccountResult<ProviderAccountArrival> {
  const provider = row.provider.trim();
  const refusalFacts = { providerAccountId: row.providerAccountId };
  if (!provider) return refuse("field_required", { ...refusalFacts, field: "provider" });
  if (provider.length > PROVIDER_MAX) return refuse("text_too_long", { ...refusalFacts, field: "provider", max: PROVIDER_MAX });
  const checked = checkCustomerIdentity({ name: row.name, domains: row.domains, tenantId: row.customerTenantId }, refusalFacts);
  if (!checked.ok) return checked;
  const appearedAt = row.appearedAt ?? now;
  if (appearedAt.getTime() - now.getTime() > CLOCK_SKEW_ALLOWANCE_MS) {
    return refuse("time_in_future", { ...refusalFacts, field: "appearedAt", at: appearedAt });
  }
  if (existing) {
    const fields = differingFields(identityOf(existing), checked.value);
    if (existing.provider !== provider) fields.unshift("provider");
    if (fields.length === 0) return accept({ outcome: "replay" });
    return refuse("provider_account_conflict", { ...refusalFacts, fields: fields.join(", ") });
  }
  const { tenantId, ...identity } = checked.value;
  const facts: ProviderAccountFacts = {
    provider,
    providerAccountId: row.providerAccountId,
    ...identity,
    ...(tenantId ? { customerTenantId: tenantId } : {}),
    appearedAt,
  };
  return accept({ outcome: "appeared", facts, audit: { action: "providerAccount.appeared", after: { ...facts, state: "unmapped" } } });
}

/** The account's customer facts in the shape matching and comparison read. */
export function identityOf(account: Pick<ProviderAccount, "name" | "domains" | "customerTenantId">): CustomerIdentity {
  return {
    name: account.name,
    domains: account.domains,
    ...(account.customerTenantId ? { tenantId: account.customerTenantId } : {}),
  };
}
