// The billing window (DOMAIN.md section 1): usage of month M can be billed from the first day
// of M until the end of day 2 of M+1, in the organisation's IANA time zone; never for a month
// that has not begun. Pure: the current time is always passed in; wall-clock arithmetic in the
// zone lives in zoned-time.ts.
import { type Result, accept, refuse } from "../../../platform/domain/result";
import { wallClock, zonedMidnight } from "../../../platform/domain/zoned-time";

/** A usage month, "YYYY-MM". */
export type UsageMonth = string;

export interface BillingWindow {
  month: UsageMonth;
  /** Local midnight at the start of day 1 of the month. */
  opensAt: Date;
  /** Local midnight at the start of day 3 of the next month: the first instant that is too late. */
  closesAt: Date;
  /** The last calendar day on which the month can be billed, "YYYY-MM-DD" (day 2 of the next month). */
  lastDay: string;
}

/** Billing stays open this many days into the next month. */
export const BILLING_GRACE_DAYS = 2;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isUsageMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

export function billingWindowFor(month: UsageMonth, timeZone: string): BillingWindow {
  const { year, monthIndex } = parseMonth(month);
  const next = addMonths(year, monthIndex, 1);
  return {
    month,
    opensAt: zonedMidnight({ year, month: monthIndex + 1, day: 1 }, timeZone),
    closesAt: zonedMidnight({ year: next.year, month: next.monthIndex + 1, day: BILLING_GRACE_DAYS + 1 }, timeZone),
    lastDay: `${formatMonth(next.year, next.monthIndex)}-${String(BILLING_GRACE_DAYS).padStart(2, "0")}`,
  };
}

export function isBillingWindowOpen(month: UsageMonth, timeZone: string, now: Date): boolean {
  const window = billingWindowFor(month, timeZone);
  return window.opensAt.getTime() <= now.getTime() && now.getTime() < window.closesAt.getTime();
}

/** Says why a month cannot be billed now, or gives its window. */
export function checkBillingWindow(month: UsageMonth, timeZone: string, now: Date): Result<BillingWindow> {
  if (!isUsageMonth(month)) return refuse("month_invalid", { month });
  const window = billingWindowFor(month, timeZone);
  if (now.getTime() < window.opensAt.getTime()) return refuse("billing_month_in_future", { month });
  if (now.getTime() >= window.closesAt.getTime()) {
    return refuse("billing_window_closed", { month, lastDay: window.lastDay, closesAt: window.closesAt });
  }
  return accept(window);
}

/** Months that can still be billed at `now`, most recent first: the current month, plus the previous one on days 1-2. */
export function openBillingMonths(timeZone: string, now: Date): UsageMonth[] {
  const current = monthOf(now, timeZone);
  const { year, monthIndex } = parseMonth(current);
  const previous = addMonths(year, monthIndex, -1);
  const previousMonth = formatMonth(previous.year, previous.monthIndex);
  return isBillingWindowOpen(previousMonth, timeZone, now) ? [current, previousMonth] : [current];
}

/** The month `date` falls in, in `timeZone`. */
export function monthOf(date: Date, timeZone: string): UsageMonth {
  const local = wallClock(date, timeZone);
  return formatMonth(local.year, local.month - 1);
}

function parseMonth(month: UsageMonth): { year: number; monthIndex: number } {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`not a usage month: "${month}"`);
  return { year: Number(match[1]), monthIndex: Number(match[2]) - 1 };
}

function addMonths(year: number, monthIndex: number, delta: number): { year: number; monthIndex: number } {
  const total = year * 12 + monthIndex + delta;
  return { year: Math.floor(total / 12), monthIndex: ((total % 12) + 12) % 12 };
}

function formatMonth(year: number, monthIndex: number): UsageMonth {
  return `${String(year).padStart(4, "0")}-${String(monthIndex + 1).padStart(2, "0")}`;
}
