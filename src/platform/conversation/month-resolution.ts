// Which October does "October" mean? The most recent one that is not in the future, in the
// organisation's time zone: asked in January, "December" is last December. "next" looks ahead.
import type { MonthEntity } from "./recognizer";
import type { MonthOffset } from "./lexicon";
import { wallClock } from "../domain/zoned-time";

/** The calendar year and month it is now in the given IANA time zone (the platform's calendar). */
export function zonedYearMonth(now: Date, timeZone: string): MonthEntity {
  const { year, month } = wallClock(now, timeZone);
  return { year, month };
}

export function shiftMonth(base: MonthEntity, offset: number): MonthEntity {
  const index = base.year * 12 + (base.month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function resolveRelativeMonth(offset: MonthOffset, now: Date, timeZone: string): MonthEntity {
  return shiftMonth(zonedYearMonth(now, timeZone), offset);
}

export interface MonthMention {
  month: number;
  modifier?: "next" | "previous";
  year?: number;
}

export function resolveMonthName(mention: MonthMention, now: Date, timeZone: string): MonthEntity {
  if (mention.year !== undefined) return { year: mention.year, month: mention.month };
  const current = zonedYearMonth(now, timeZone);
  switch (mention.modifier) {
    case "next":
      return { year: mention.month > current.month ? current.year : current.year + 1, month: mention.month };
    case "previous":
      return { year: mention.month < current.month ? current.year : current.year - 1, month: mention.month };
    default:
      return { year: mention.month <= current.month ? current.year : current.year - 1, month: mention.month };
  }
}
