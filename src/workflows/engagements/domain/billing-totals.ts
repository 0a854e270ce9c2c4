// Totals per usage month for the engagement's billing view. Rejected submissions count for
// nothing (their correction, if any, is its own entry); a rated entry counts at the vendor's
// price, an entry awaiting a decision at the submitted amount. Currencies are never mixed.
import type { BillingEntry } from "./billing";
import { sumAmounts } from "./money";

export interface MonthlyTotal {
  month: string;
  currency: string;
  /** Submitted amounts of entries still awaiting the vendor. */
  pending: string;
  /** Vendor prices of rated entries. */
  rated: string;
  /** pending + rated. */
  total: string;
  entries: number;
  rejected: number;
}

/** Most recent month first, then by currency. */
export function monthlyTotals(entries: readonly BillingEntry[]): MonthlyTotal[] {
  const groups = new Map<string, { month: string; currency: string; pending: string[]; rated: string[]; entries: number; rejected: number }>();
  for (const entry of entries) {
    const currency = entry.state === "rated" ? (entry.decision?.ratedCurrency ?? entry.currency) : entry.currency;
    const key = `${entry.usageMonth} ${currency}`;
    const group = groups.get(key) ?? { month: entry.usageMonth, currency, pending: [], rated: [], entries: 0, rejected: 0 };
    group.entries += 1;
    if (entry.state === "rejected") group.rejected += 1;
    if (entry.state === "submitted") group.pending.push(entry.amount);
    if (entry.state === "rated") group.rated.push(entry.decision?.ratedAmount ?? entry.amount);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => (a.month === b.month ? a.currency.localeCompare(b.currency) : b.month.localeCompare(a.month)))
    .map((g) => ({
      month: g.month,
      currency: g.currency,
      pending: sumAmounts(g.pending, g.currency),
      rated: sumAmounts(g.rated, g.currency),
      total: sumAmounts([...g.pending, ...g.rated], g.currency),
      entries: g.entries,
      rejected: g.rejected,
    }));
}
