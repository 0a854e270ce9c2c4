// Calendar dates as the vendor's report gives them ("2027-03-31": a day, not an instant), and
// the arithmetic renewals need: days between two dates, a date N days earlier, today's date in
// the organisation's zone. UTC-based arithmetic on dates is exact: no day is 23 or 25 hours here.
import { type CalendarDay, wallClock } from "../../../platform/domain/zoned-time";

/** "YYYY-MM-DD". */
export type CalendarDate = string;

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Builds the date when the day exists (no 30 February, 29 February only in leap years). */
export function calendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2999 || utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return undefined;
  return utc.toISOString().slice(0, 10);
}

export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  return match !== null && calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) === value;
}

export function dayOf(date: CalendarDate): CalendarDay {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`not a calendar date: "${date}"`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const { year, month, day } = dayOf(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`: 1 from 31 March to 1 April, negative when `to` is earlier. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const a = dayOf(from);
  const b = dayOf(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/** The date on the organisation's wall calendar at `now`. */
export function todayIn(timeZone: string, now: Date): CalendarDate {
  const { year, month, day } = wallClock(now, timeZone);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
