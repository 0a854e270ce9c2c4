// Quiet hours: no reminder reaches a person at night in their own zone. An item that becomes
// due during quiet hours waits until they end; it is never dropped.
import { wallClock, zonedTimeToUtc } from "../domain/zoned-time";

/** Minutes after local midnight; `start` > `end` means the period spans midnight. */
export interface QuietHours {
  start: number;
  end: number;
}

export function parseQuietHours(value: string): QuietHours | undefined | "invalid" {
  if (value.trim() === "") return undefined;
  const match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return "invalid";
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59) return "invalid";
  const quiet = { start: h1 * 60 + m1, end: h2 * 60 + m2 };
  return quiet.start === quiet.end ? "invalid" : quiet;
}

function isQuietMinute(minute: number, quiet: QuietHours): boolean {
  return quiet.start < quiet.end ? minute >= quiet.start && minute < quiet.end : minute >= quiet.start || minute < quiet.end;
}

/** `now` when it is not quiet in `timeZone`, else the instant the quiet period ends there. */
export function nextAllowedTime(now: Date, timeZone: string, quiet: QuietHours | undefined): Date {
  if (!quiet) return now;
  const local = wallClock(now, timeZone);
  const minute = local.hour * 60 + local.minute;
  if (!isQuietMinute(minute, quiet)) return now;
  // The end is today unless the period spans midnight and we are in its evening part.
  const endsTomorrow = quiet.start > quiet.end && minute >= quiet.start;
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day + (endsTomorrow ? 1 : 0)));
  return zonedTimeToUtc(
    {
      year: day.getUTCFullYear(),
      month: day.getUTCMonth() + 1,
      day: day.getUTCDate(),
      hour: Math.floor(quiet.end / 60),
      minute: quiet.end % 60,
    },
    timeZone,
  );
}
