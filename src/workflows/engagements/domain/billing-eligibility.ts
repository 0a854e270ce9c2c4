// Which usage months an engagement takes billing entries for at a given moment (DOMAIN.md
// section 1). An approved engagement, or one whose client asked to close it, takes every month
// whose billing window is open. Completing an engagement does not end the usage already
// delivered: a completed engagement still takes the months up to (and including) the month of
// its completion, in the organisation's zone, while their windows stay open; after that, none.
import { type BillingWindow, type UsageMonth, billingWindowFor, checkBillingWindow, monthOf, openBillingMonths } from "./billing-window";
import type { Engagement, EngagementState } from "./engagements";
import { type Result, accept, refuse } from "../../../platform/domain/result";

/**
 * "completion_requested" still takes entries: the client asking to close does not end the
 * usage already delivered, and the last month's window may still be open.
 */
export const BILLABLE_STATES: readonly EngagementState[] = ["approved", "completion_requested"];

export type BillableEngagement = Pick<Engagement, "state" | "reference" | "completedAt">;

/** The last usage month a completed engagement can bill: the month it was completed in. */
export function lastBillableMonth(engagement: BillableEngagement, timeZone: string): UsageMonth | undefined {
  return engagement.state === "completed" && engagement.completedAt ? monthOf(engagement.completedAt, timeZone) : undefined;
}

/**
 * The months this engagement takes entries for at `now`, the one whose window closes first
 * first: on days 1 and 2 that is the previous month, whose window closes within hours.
 */
export function billableMonths(engagement: BillableEngagement, timeZone: string, now: Date): UsageMonth[] {
  const closesAt = (month: UsageMonth) => billingWindowFor(month, timeZone).closesAt.getTime();
  const open = openBillingMonths(timeZone, now).sort((a, b) => closesAt(a) - closesAt(b));
  if (BILLABLE_STATES.includes(engagement.state)) return open;
  const last = lastBillableMonth(engagement, timeZone);
  // "YYYY-MM" strings sort as the months they name.
  return last === undefined ? [] : open.filter((month) => month <= last);
}

/** Whether the engagement takes any entry now: what shows or hides "Add billing entry". */
export function takesBillingEntries(engagement: BillableEngagement, timeZone: string, now: Date): boolean {
  return billableMonths(engagement, timeZone, now).length > 0;
}

/** Refuses an engagement that takes no entry at all now, with the facts the card explains. */
export function checkTakesEntries(engagement: BillableEngagement, timeZone: string, now: Date): Result<UsageMonth[]> {
  const months = billableMonths(engagement, timeZone, now);
  return months.length > 0 ? accept(months) : refuse("not_billable", { state: engagement.state, reference: engagement.reference });
}

/**
 * Says why this engagement cannot bill `month` now, or gives the month's window. The
 * engagement's state itself is `checkTakesEntries`' question.
 */
export function checkBillableMonth(engagement: BillableEngagement, month: UsageMonth, timeZone: string, now: Date): Result<BillingWindow> {
  const window = checkBillingWindow(month, timeZone, now);
  if (!window.ok) return window;
  const last = lastBillableMonth(engagement, timeZone);
  return last !== undefined && month > last ? refuse("billing_after_completion", { reference: engagement.reference, month: last }) : window;
}
