// Wall-clock arithmetic in an IANA time zone: what the clock on the wall reads at an instant,
// and which instant a wall-clock time names. Pure; Intl supplies the platform's tz database.
// Why not a library: @date-fns/tz and luxon both mirror `Date` (a time in a daylight-saving gap
// moves forward by the gap's length, 02:30 -> 03:30) and, at an overlap, pick the later instant
// in zones east of UTC. Our rules need the earlier instant and the end of the gap, everywhere.

/** A local calendar time; `month` is 1-12. Out-of-range fields roll over as in `Date.UTC`. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

// Building a formatter costs far more than using one: keep one per zone (a handful per deployment).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      // h23, not hour12: false, which some ICU versions answer with "24" at midnight.
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

/** The wall clock at `instant`, to the second, read as if it were UTC (milliseconds). */
function wallMs(instant: number, timeZone: string): number {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  return Date.UTC(values.year ?? 0, (values.month ?? 1) - 1, values.day ?? 1, values.hour ?? 0, values.minute ?? 0, values.second ?? 0);
}

/** The zone's offset from UTC at `instant`, in milliseconds (offsets are whole seconds). */
function offsetAt(instant: number, timeZone: string): number {
  return wallMs(instant, timeZone) - Math.floor(instant / 1000) * 1000;
}

/** What the clock on the wall reads at `instant` in `timeZone`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const wall = new Date(wallMs(instant.getTime(), timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
  };
}

/**
 * The instant a wall-clock time names in `timeZone`. When clocks go back and the time happens
 * twice, the earlier instant; when clocks go forward past it, the first instant after the gap
 * (so a reminder or a deadline is never moved before the time it was set for, nor later than
 * it must be).
 */
export function zonedTimeToUtc(time: WallClock, timeZone: string): Date {
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute);
  const key = `${timeZone}\u0000${wall}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    if (instants.size >= MAX_REMEMBERED_INSTANTS) instants.clear();
    instant = instantOf(wall, timeZone);
    instants.set(key, instant);
  }
  return new Date(instant);
}

// The same few wall times are asked for on every turn (a workflow's monthly windows open and
// close at this month's and last month's midnights, each a handful of Intl calls): the answer depends on
// the wall time and the zone alone, so it is kept. Bounded, in case some caller walks the calendar.
const MAX_REMEMBERED_INSTANTS = 10_000;
const instants = new Map<string, number>();

function instantOf(wall: number, timeZone: string): number {
  // No zone changes its offset twice within two days, and no offset exceeds a day: the offsets
  // a day either side are the only ones that can apply to this wall time.
  const offsets = [offsetAt(wall - DAY_MS, timeZone), offsetAt(wall + DAY_MS, timeZone)];
  const valid = offsets.map((offset) => wall - offset).filter((instant) => offsetAt(instant, timeZone) === wall - instant);
  if (valid.length > 0) return Math.min(...valid);
  // In a gap: the clocks jump between the two candidates; find the instant they do.
  return transitionBetween(wall - Math.max(...offsets), wall - Math.min(...offsets), timeZone);
}

/** The first instant of that calendar day in `timeZone`: after the gap where a zone skips midnight. */
export function zonedMidnight(day: CalendarDay, timeZone: string): Date {
  return zonedTimeToUtc({ ...day, hour: 0, minute: 0 }, timeZone);
}

/** The first instant in (before, after] whose offset differs from the offset at `before`, to the second. */
function transitionBetween(before: number, after: number, timeZone: string): number {
  const offsetBefore = offsetAt(before, timeZone);
  let low = before;
  let high = after;
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (offsetAt(middle, timeZone) === offsetBefore) low = middle;
    else high = middle;
  }
  return high;
}
