// Calendar days in the organisation's IANA zone: the automatic submission counts whole local
// days from the day a report opened, whatever the daylight-saving changes in between.
import { type CalendarDay, wallClock, zonedMidnight, zonedTimeToUtc } from "../../../platform/domain/zoned-time";

export function localDay(instant: Date, timeZone: string): CalendarDay {
  const { year, month, day } = wallClock(instant, timeZone);
  return { year, month, day };
}

/** The calendar day `days` after `day` (negative goes back); month ends and leap years roll over. */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const moved = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
}

export function formatDay(day: CalendarDay): string {
  return `${String(day.year).padStart(4, "0")}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
}

/** The first instant of the day after `day`: the end of `day` in the zone. */
export function endOfDay(day: CalendarDay, timeZone: string): Date {
  return zonedMidnight(addDays(day, 1), timeZone);
}

export function atLocalTime(day: CalendarDay, hour: number, timeZone: string): Date {
  return zonedTimeToUtc({ ...day, hour, minute: 0 }, timeZone);
}
