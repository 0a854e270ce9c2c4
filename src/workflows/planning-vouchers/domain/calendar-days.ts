// Calendar days ("2026-10-03") as the vendor prints them on vouchers, enrolments and exams.
// A day named in this workflow is always its last valid day: a voucher expiring on 3 October
// can still be redeemed at 23:59 on 3 October in the organisation's zone, and is expired at
// the next midnight there. Pure: the zone and the current time are passed in.
import { wallClock, zonedMidnight } from "../../../platform/domain/zoned-time";

/** A calendar day, "YYYY-MM-DD". */
export type CalendarDate = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether `value` names a day that exists (29 February only in leap years). */
export function isCalendarDate(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function parts(day: CalendarDate): { year: number; month: number; day: number } {
  const match = DAY_PATTERN.exec(day);
  if (!match || !isCalendarDate(day)) throw new RangeError(`not a calendar day: "${day}"`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function format(date: Date): CalendarDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: CalendarDate, days: number): CalendarDate {
  const { year, month, day: dayOfMonth } = parts(day);
  return format(new Date(Date.UTC(year, month - 1, dayOfMonth + days)));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const start = parts(from);
  const end = parts(to);
  return Math.round((Date.UTC(end.year, end.month - 1, end.day) - Date.UTC(start.year, start.month - 1, start.day)) / DAY_MS);
}

/** The day it is at `now` on the organisation's wall clock. */
export function today(timeZone: string, now: Date): CalendarDate {
  const wall = wallClock(now, timeZone);
  return format(new Date(Date.UTC(wall.year, wall.month - 1, wall.day)));
}

/** The first instant of `day` in the zone: how a day travels in a refusal's facts or a card. */
export function startOfDay(day: CalendarDate, timeZone: string): Date {
  return zonedMidnight(parts(day), timeZone);
}

/** The first instant after `day` ends in the zone: when something valid through that day lapses. */
export function endOfDay(day: CalendarDate, timeZone: string): Date {
  return startOfDay(addDays(day, 1), timeZone);
}

/** Whether something valid through `lastDay` has lapsed at `now` in the zone. */
export function hasLapsed(lastDay: CalendarDate, timeZone: string, now: Date): boolean {
  return now.getTime() >= endOfDay(lastDay, timeZone).getTime();
}
