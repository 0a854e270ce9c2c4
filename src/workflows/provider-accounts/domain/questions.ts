// Answers to what partners ask in plain words: what was mapped this week, and whether a given
// customer accepted the invitation. "This week" starts on Monday at midnight in the
// organisation's zone.
import { wallClock, zonedMidnight } from "../../../platform/domain/zoned-time";
import { nameSimilarity } from "./company-names";
import { normaliseDomain } from "./customer-identity";
import type { ProviderAccount } from "./provider-accounts";
import type { RelationshipRequest } from "./relationship-requests";
import { SIMILAR_NAME_MIN } from "./suggestions";

/** Monday 00:00 of the week `now` falls in, in `timeZone`. */
export function weekStart(now: Date, timeZone: string): Date {
  const today = wallClock(now, timeZone);
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
  const daysSinceMonday = (weekday + 6) % 7;
  return zonedMidnight({ year: today.year, month: today.month, day: today.day - daysSinceMonday }, timeZone);
}

/** Accounts mapped (or remapped) since Monday, newest first. */
export function mappedThisWeek(accounts: readonly ProviderAccount[], now: Date, timeZone: string): ProviderAccount[] {
  const since = weekStart(now, timeZone).getTime();
  return accounts
    .filter((account) => account.state === "mapped" && account.mapping && account.mapping.at.getTime() >= since && account.mapping.at <= now)
    .sort((a, b) => (b.mapping?.at.getTime() ?? 0) - (a.mapping?.at.getTime() ?? 0));
}

/**
 * The latest relationship request for the customer someone names, by domain ("contoso.com") or
 * by name ("Contoso"): its state says whether they accepted. Undefined when none is alike.
 */
export function latestRequestFor(customer: string, requests: readonly RelationshipRequest[]): RelationshipRequest | undefined {
  const text = customer.trim();
  if (!text) return undefined;
  const domain = normaliseDomain(text);
  const scored = requests
    .map((request) => ({ request, likeness: request.primaryDomain === domain ? 1 : nameSimilarity(text, request.customerName) }))
    .filter(({ likeness }) => likeness >= SIMILAR_NAME_MIN);
  const best = Math.max(0, ...scored.map(({ likeness }) => likeness));
  return scored
    .filter(({ likeness }) => likeness === best)
    .map(({ request }) => request)
    .sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime())[0];
}
