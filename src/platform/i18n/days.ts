// "Today", "tomorrow" or a date: which one a moment is, counted in calendar days on the
// reader's wall clock, not in 24-hour steps (a reminder sent at 23:00 for 08:00 is "tomorrow").
import { wallClock } from "../domain/zoned-time";

/** The ICU select value messages choose their words by: `{day, select, today {...} tomorrow {...} other {...}}`. */
export type DayFromNow = "today" | "tomorrow" | "other";

const DAY_MS = 86_400_000;

export function dayFromNow(date: Date, now: Date, timeZone: string): DayFromNow {
  const calendarDay = (instant: Date) => {
    const wall = wallClock(instant, timeZone);
    return Date.UTC(wall.year, wall.month - 1, wall.day) / DAY_MS;
  };
  const days = calendarDay(date) - calendarDay(now);
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  return "other";
}
