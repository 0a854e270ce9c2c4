// What views and handlers use to speak to one reader: their locale and time zone, bound once.
import { type MessageValues, formatMessage } from "./catalog";
import type { Locale } from "./locale";

export interface Translator {
  locale: Locale;
  timeZone: string;
  t(key: string, values?: MessageValues): string;
  /** "25 Nov 2026, 14:05" in the reader's zone and language. */
  formatDateTime(date: Date): string;
  /** "25 Nov 2026" in the reader's zone and language. */
  formatDate(date: Date): string;
}

const translators = new Map<string, Translator>();

/** One translator per language and zone, built once: every turn asks for one. Zones are validated IANA names, so the cache stays small. */
export function translator(locale: Locale, timeZone = "UTC"): Translator {
  const key = `${locale}\u0000${timeZone}`;
  let found = translators.get(key);
  if (!found) {
    found = createTranslator(locale, timeZone);
    translators.set(key, found);
  }
  return found;
}

function createTranslator(locale: Locale, timeZone: string): Translator {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  return {
    locale,
    timeZone,
    t: (key, values) => formatMessage(locale, key, values, timeZone),
    formatDateTime: (value) => dateTime.format(value),
    formatDate: (value) => date.format(value),
  };
}
