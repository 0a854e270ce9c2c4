// Which customer records an unmapped provider account probably belongs to, best first, each with
// a score out of 100 and why. The same tenant or a shared domain is what billing platforms match
// on themselves, so either ranks above any likeness of names.
import { nameSimilarity, wordsFound } from "./company-names";
import { normaliseDomain } from "./customer-identity";
import type { CustomerRecord } from "./customer-records";
import { identityOf, type ProviderAccount } from "./provider-accounts";

export const SUGGESTION_REASONS = ["same_tenant", "same_domain", "similar_name"] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

/** Below this likeness a name alone proposes nothing: "Contoso" is not a guess for "Fabrikam". */
export const SIMILAR_NAME_MIN = 0.6;
export const SUGGESTIONS_SHOWN = 3;
export const SEARCH_RESULTS_SHOWN = 10;

export interface Suggestion {
  customer: CustomerRecord;
  /** 0-100: 100 for the same tenant, 90-99 for a shared domain, below 90 for a name alone. */
  score: number;
  reasons: SuggestionReason[];
  sharedDomains: string[];
  nameSimilarity: number;
}

type AccountFacts = Pick<ProviderAccount, "name" | "domains" | "customerTenantId">;

export function suggestCustomers(account: AccountFacts, customers: readonly CustomerRecord[], limit = SUGGESTIONS_SHOWN): Suggestion[] {
  return customers
    .map((customer) => assess(account, customer))
    .filter((suggestion): suggestion is Suggestion => suggestion !== undefined)
    .sort(bestFirst)
    .slice(0, limit);
}

/** How one customer record matches the account; none when nothing links them. */
export function assess(account: AccountFacts, customer: CustomerRecord): Suggestion | undefined {
  const identity = identityOf(account);
  const sameTenant = identity.tenantId !== undefined && identity.tenantId === customer.tenantId;
  const sharedDomains = identity.domains.filter((domain) => customer.domains.includes(domain));
  const similarity = nameSimilarity(account.name, customer.name);
  const reasons: SuggestionReason[] = [];
  if (sameTenant) reasons.push("same_tenant");
  if (sharedDomains.length > 0) reasons.push("same_domain");
  if (similarity >= SIMILAR_NAME_MIN) reasons.push("similar_name");
  if (reasons.length === 0) return undefined;
  return { customer, score: scoreOf(sameTenant, sharedDomains.length > 0, similarity), reasons, sharedDomains, nameSimilarity: similarity };
}

function scoreOf(sameTenant: boolean, sharedDomain: boolean, similarity: number): number {
  if (sameTenant) return 100;
  if (sharedDomain) return 90 + Math.round(9 * similarity);
  return Math.round(89 * similarity);
}

function bestFirst(a: Suggestion, b: Suggestion): number {
  return (
    b.score - a.score || b.nameSimilarity - a.nameSimilarity || a.customer.name.localeCompare(b.customer.name) || a.customer.id.localeCompare(b.customer.id)
  );
}

/**
 * The card's search for another customer record: a query with a dot is a domain (exact or a
 * parent of the record's domain: "contoso.fr" finds "paris.contoso.fr"); anything else a name.
 */
export function searchCustomers(query: string, customers: readonly CustomerRecord[], limit = SEARCH_RESULTS_SHOWN): CustomerRecord[] {
  const text = query.trim();
  if (!text) return [];
  if (text.includes(".") && !text.includes(" ")) {
    const domain = normaliseDomain(text);
    return customers
      .filter((customer) => customer.domains.some((own) => own === domain || own.endsWith(`.${domain}`)))
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, limit);
  }
  return customers
    .map((customer) => ({ customer, similarity: wordsFound(text, customer.name) }))
    .filter(({ similarity }) => similarity >= SIMILAR_NAME_MIN)
    .sort((a, b) => b.similarity - a.similarity || a.customer.name.localeCompare(b.customer.name))
    .slice(0, limit)
    .map(({ customer }) => customer);
}
