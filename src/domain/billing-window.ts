// The billing window (DOMAIN.md section 1): usage of month M can be billed from the first day
// of M until the end of day 2 of M+1, in the organisation's IANA time zone; never for a month
// that has not begun. Pure: the current time is always passed in. Time-zone arithmetic uses
// Intl only, so daylight-saving changes follow the platform's tz database.
import { type Result, accept, refuse } from "./result";

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

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function billingWindowFor(month: UsageMonth, timeZone: string): BillingWindow {
  const { year, monthIndex } = parseMonth(month);
  const next = addMonths(year, monthIndex, 1);
  return {
    month,
    opensAt: zonedMidnight(year, monthIndex, 1, timeZone),
    closesAt: zonedMidnight(next.year, next.monthIndex, BILLING_GRACE_DAYS + 1, timeZone),
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
  const parts = zonedParts(date, timeZone);
  return formatMonth(parts.year, parts.month - 1);
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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function zonedParts(date: Date, timeZone: string): ZonedParts {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 0,
    month: values.month ?? 1,
    day: values.day ?? 1,
    hour: values.hour ?? 0,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

/** The zone's offset from UTC at `instant`, in milliseconds (whole seconds). */
function offsetAt(instant: number, timeZone: string): number {
  const p = zonedParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant local midnight starts on that calendar day. Two passes settle the offset when a
 * daylight-saving change lies between the UTC guess and the answer. Where a zone skips midnight
 * itself, the day starts at the first local instant after the gap.
 */
function zonedMidnight(year: number, monthIndex: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, monthIndex, day);
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  const p = zonedParts(new Date(instant), timeZone);
  const landed = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  // Landed before midnight (inside a gap at midnight): move forward by the missed wall time.
  if (landed < wall) instant += wall - landed;
  return new Date(instant);
}
