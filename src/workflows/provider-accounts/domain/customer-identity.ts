// What identifies a customer on both sides of a mapping: a name, its internet domains and, once
// known, its Microsoft Entra tenant id. Domains and tenant ids are compared normalised, so
// "Contoso.com." and "contoso.com" are one domain.
import type { RefusalFacts } from "../../../platform/domain/result";
import { accept, type ProviderAccountResult, refuse } from "./refusals";

export const NAME_MAX = 200;

export interface CustomerIdentity {
  name: string;
  /** Lower-case, without a trailing dot, no duplicates, in the order given. */
  domains: string[];
  tenantId?: string;
}

export interface CustomerIdentityInput {
  name: string;
  domains: readonly string[];
  tenantId?: string | undefined;
}

// One label: letters, digits and inner hyphens, at most 63 characters; the last label (the
// top-level domain) starts with a letter or is an IDN "xn--" label.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function normaliseDomain(input: string): string {
  return input.trim().toLowerCase().replace(/\.$/, "");
}

export function isDomain(domain: string): boolean {
  const labels = domain.split(".");
  const top = labels[labels.length - 1] ?? "";
  return domain.length <= 253 && labels.length >= 2 && labels.every((label) => LABEL.test(label)) && TOP_LABEL.test(top);
}

export function normaliseTenantId(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .replace(/^\{(.*)\}$/, "$1");
}

/** Checks and normalises a name, its domains and its tenant id, refusing the first fact that is wrong. */
export function checkCustomerIdentity(input: CustomerIdentityInput, facts: RefusalFacts = {}): ProviderAccountResult<CustomerIdentity> {
  const name = input.name.trim().replace(/\s+/g, " ");
  if (!name) return refuse("field_required", { ...facts, field: "name" });
  if (name.length > NAME_MAX) return refuse("text_too_long", { ...facts, field: "name", max: NAME_MAX });
  const domains: string[] = [];
  for (const raw of input.domains) {
    const domain = normaliseDomain(raw);
    if (!isDomain(domain)) return refuse("domain_invalid", { ...facts, domain: raw });
    if (!domains.includes(domain)) domains.push(domain);
  }
  const tenantId = checkTenantId(input.tenantId, facts);
  if (!tenantId.ok) return tenantId;
  return accept(tenantId.value ? { name, domains, tenantId: tenantId.value } : { name, domains });
}

/** A Microsoft Entra tenant id (a GUID, braces allowed), normalised; none when blank. */
export function checkTenantId(input: string | undefined, facts: RefusalFacts = {}): ProviderAccountResult<string | undefined> {
  const raw = input?.trim();
  if (!raw) return accept(undefined);
  const tenantId = normaliseTenantId(raw);
  return GUID.test(tenantId) ? accept(tenantId) : refuse("tenant_id_invalid", { ...facts, tenantId: raw });
}

/** Whether two identities state the same facts (domains compared as sets). */
export function sameIdentity(a: CustomerIdentity, b: CustomerIdentity): boolean {
  return a.name === b.name && a.tenantId === b.tenantId && sameDomains(a.domains, b.domains);
}

export function sameDomains(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((domain) => b.includes(domain));
}

/** The facts that differ between two identities, by field name: what a conflict names. */
export function differingFields(a: CustomerIdentity, b: CustomerIdentity): string[] {
  const fields: string[] = [];
  if (a.name !== b.name) fields.push("name");
  if (!sameDomains(a.domains, b.domains)) fields.push("domains");
  if (a.tenantId !== b.tenantId) fields.push("tenantId");
  return fields;
}
