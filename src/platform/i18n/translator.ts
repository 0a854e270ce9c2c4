// What views and handlers use to speak to one reader: their locale and time zone, bound once.
// The zone is the reader's own when Teams told us (its `localTimezone`); otherwise it is the
// organisation's, standing in, and every time shown then names its zone ("9:17 AM UTC"), so
// nobody reads a time in a zone they cannot tell.
import { type MessageValues, formatMessage } from "./catalog";
import { type DayFromNow, dayFromNow } from "./days";
import type { Locale } from "./locale";
import { shortTimeFields } from "./time-fields";

/** Whose zone the translator shows times in: the reader's own, or the organisation's standing in for it. */
export type ZoneSource = "reader" | "organisation";

export interface Translator {
  locale: Locale;
  timeZone: string;
  zoneSource: ZoneSource;
  t(key: string, values?: MessageValues): string;
  /** "Nov 25, 2026, 2:05 PM" in the reader's zone and language; with the zone's name when it is not the reader's own. */
  formatDateTime(date: Date): string;
  /** "Nov 25, 2026" in the reader's zone and language. */
  formatDate(date: Date): string;
  /** Whether `date` falls today, tomorrow or on another day than `now`, on the reader's calendar. */
  dayFromNow(date: Date, now: Date): DayFromNow;
}

const translators = new Map<string, Translator>();

/** One translator per language and zone, built once: every turn asks for one. Zones are validated IANA names, so the cache stays small. */
export function translator(locale: Locale, timeZone = "UTC", zoneSource: ZoneSource = "organisation"): Translator {
  const key = `${locale}\u0000${timeZone}\u0000${zoneSource}`;
  let found = translators.get(key);
  if (!found) {
    found = createTranslator(locale, timeZone, zoneSource);
    translators.set(key, found);
  }
  return found;
}

function createTranslator(locale: Locale, timeZone: string, zoneSource: ZoneSource): Translator {
  const nameZone = zoneSource !== "reader";
  // Components rather than dateStyle/timeStyle: Intl refuses timeZoneName beside those.
  const dateTime = new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    ...shortTimeFields(locale),
    timeZone,
    ...(nameZone ? { timeZoneName: "short" } : {}),
  });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  return {
    locale,
    timeZone,
    zoneSource,
    t: (key, values) => formatMessage(locale, key, values, { timeZone, nameZone }),
    formatDateTime: (value) => dateTime.format(value),
    formatDate: (value) => date.format(value),
    dayFromNow: (value, now) => dayFromNow(value, now, timeZone),
  };
}
