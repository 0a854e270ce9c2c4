// Calendar days in words. A voucher's day is zone-free ("2027-01-31", its last valid day), so
// it is shown as that day whatever the reader's zone; a message with `{x, date}` gets the first
// instant of the day in the translator's own zone, which it then reads back as the same day.
import type { Translator } from "../../../platform/i18n/translator";
import { startOfDay, type CalendarDate } from "../domain/calendar-days";

const formats = new Map<string, Intl.DateTimeFormat>();

export function formatDay(t: Pick<Translator, "locale">, day: CalendarDate): string {
  let format = formats.get(t.locale);
  if (!format) {
    format = new Intl.DateTimeFormat(t.locale, { dateStyle: "medium", timeZone: "UTC" });
    formats.set(t.locale, format);
  }
  return format.format(new Date(`${day}T00:00:00Z`));
}

/** A day as a message value for `{x, date, medium}`. */
export function dayValue(t: Pick<Translator, "timeZone">, day: CalendarDate): Date {
  return startOfDay(day, t.timeZone);
}
