// "Renewals due in the next 30, 90, 180 days" (issue 17): open and quoted line items ending
// within the window, from the organisation's today, grouped by customer with value totals per
// currency (never added across currencies), soonest customer first.
import { accept, refuse } from "../../../platform/domain/result";
import { sumAmounts } from "./amounts";
import { daysUntilDue, RENEWAL_HORIZON_DAYS } from "./horizon";
import { isOpenRenewal, type RenewalLineItem } from "./line-items";
import type { RenewalResult } from "./refusals";

/** The windows the list card offers; words may ask for any number of days up to the horizon. */
export const DUE_WINDOWS = [30, 90, 180] as const;

export interface CurrencyTotal {
  currency: string;
  amount: string;
}

export interface CustomerRenewals {
  customerName: string;
  items: RenewalLineItem[];
  totals: CurrencyTotal[];
  earliestEndDate: string;
}

export function parseDueWindow(days: number): RenewalResult<number> {
  if (Number.isInteger(days) && days >= 1 && days <= RENEWAL_HORIZON_DAYS) return accept(days);
  return refuse("due_window_invalid", { days: String(days).slice(0, 10), max: RENEWAL_HORIZON_DAYS });
}

export function renewalsDueWithin(items: readonly RenewalLineItem[], windowDays: number, timeZone: string, now: Date): CustomerRenewals[] {
  const due = items.filter((item) => {
    const days = daysUntilDue(item, timeZone, now);
    return isOpenRenewal(item) && days >= 0 && days <= windowDays;
  });
  const groups = new Map<string, RenewalLineItem[]>();
  for (const item of due) {
    // "Contoso Ltd" and "CONTOSO LTD " are one customer in a report typed by people.
    const key = item.customerName.trim().toLocaleLowerCase("en");
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()]
    .map((group) => customerRenewals(group))
    .sort((a, b) => a.earliestEndDate.localeCompare(b.earliestEndDate) || a.customerName.localeCompare(b.customerName));
}

function customerRenewals(group: RenewalLineItem[]): CustomerRenewals {
  const items = [...group].sort(
    (a, b) => a.endDate.localeCompare(b.endDate) || a.agreementNumber.localeCompare(b.agreementNumber) || a.lineItem.localeCompare(b.lineItem),
  );
  const currencies = [...new Set(items.map((item) => item.currency))].sort();
  const totals = currencies.map((currency) => ({
    currency,
    amount: sumAmounts(
      items.filter((item) => item.currency === currency).map((item) => item.amount),
      currency,
    ),
  }));
  const first = items[0] as RenewalLineItem;
  return { customerName: commonSpelling(items), items, totals, earliestEndDate: first.endDate };
}

/** The customer's name as most of its rows spell it (the soonest row's spelling on a tie). */
function commonSpelling(items: readonly RenewalLineItem[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.customerName.trim(), (counts.get(item.customerName.trim()) ?? 0) + 1);
  let best = "";
  for (const [name, count] of counts) if (count > (counts.get(best) ?? 0)) best = name;
  return best;
}
