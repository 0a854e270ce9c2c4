// Message catalogs: every string a user reads, per locale, as ICU messages. The platform keeps
// its files in ./messages/<locale>/, each workflow in its folder's messages/<locale>/ (handed in
// by src/app.ts through useMessageFolders); a locale's files merge into one catalog, loaded
// once, and a key defined twice is refused. test/unit/i18n/catalogs.test.ts fails when one
// locale misses a key another has.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { isArgumentElement, isPluralElement, isSelectElement, type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { LOCALES, type Locale } from "./locale";
import { shortTimeFields } from "./time-fields";
import { hasJoinRule, joinWords, VALUE_START } from "./word-joins";

export type Catalog = ReadonlyMap<string, string>;

const PLATFORM_MESSAGES = new URL("./messages/", import.meta.url);
let messageFolders: readonly URL[] = [PLATFORM_MESSAGES];

/** The workflows' `messages/` folders, beside the platform's: called once by the composition root. */
export function useMessageFolders(folders: readonly URL[]): void {
  messageFolders = [PLATFORM_MESSAGES, ...folders];
  catalogs = undefined;
  compiled.clear();
}

export function loadCatalog(locale: Locale): Catalog {
  const catalog = new Map<string, string>();
  for (const messages of messageFolders) {
    const folder = new URL(`${locale}/`, messages);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder)
      .filter((name) => name.endsWith(".json"))
      .sort()) {
      const entries = JSON.parse(readFileSync(new URL(file, folder), "utf8")) as Record<string, string>;
      for (const [key, message] of Object.entries(entries)) {
        if (catalog.has(key)) throw new Error(`message "${key}" is defined twice in the ${locale} catalog (${file})`);
        catalog.set(key, message);
      }
    }
  }
  return catalog;
}

let catalogs: Map<Locale, Catalog> | undefined;

export function allCatalogs(): Map<Locale, Catalog> {
  catalogs ??= new Map(LOCALES.map((locale) => [locale, loadCatalog(locale)]));
  return catalogs;
}

const compiled = new Map<string, { format: IntlMessageFormat; source: string }>();

export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;

/** The zone dates and times in a message are shown in, and whether a time names it ("9:17 AM UTC"). */
export interface MessageZone {
  timeZone: string;
  nameZone: boolean;
}

/** Formats one message; a missing key reads as the key itself, so a gap shows rather than breaks. */
export function formatMessage(locale: Locale, key: string, values: MessageValues = {}, zone: MessageZone = { timeZone: "UTC", nameZone: true }): string {
  const cacheKey = `${locale}\u0000${zone.timeZone}\u0000${zone.nameZone}\u0000${key}`;
  let entry = compiled.get(cacheKey);
  if (!entry) {
    const source = allCatalogs().get(locale)?.get(key) ?? allCatalogs().get("en")?.get(key);
    if (source === undefined) return key;
    const message = hasJoinRule(locale) ? markValueStarts(parse(source, { ignoreTag: true })) : source;
    // Dates in messages are shown in the reader's zone: IntlMessageFormat takes it per format.
    const format = new IntlMessageFormat(message, locale, { date: dateFormats(locale, zone), time: timeFormats(locale, zone) }, { ignoreTag: true });
    entry = { format, source };
    compiled.set(cacheKey, entry);
  }
  return joinWords(locale, String(entry.format.format(values as Record<string, string | number | Date | boolean>)), entry.source);
}

/** The message with a mark before each plain value, in every branch, for the language's word joins. */
function markValueStarts(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.flatMap((element): MessageFormatElement[] => {
    if (isArgumentElement(element)) return [{ type: TYPE.literal, value: VALUE_START }, element];
    if (isSelectElement(element) || isPluralElement(element)) {
      const options = Object.fromEntries(Object.entries(element.options).map(([name, option]) => [name, { ...option, value: markValueStarts(option.value) }]));
      return [{ ...element, options }];
    }
    return [element];
  });
}

// Components, not dateStyle: IntlMessageFormat merges these into its own defaults, field by
// field, so a time format must hold time fields only ("at {until, time, short}" once showed
// the whole date again).
function dateFormats(locale: Locale, { timeZone, nameZone }: MessageZone): Record<string, Intl.DateTimeFormatOptions> {
  const named = nameZone ? ({ timeZoneName: "short" } as const) : {};
  const time = shortTimeFields(locale);
  return {
    short: { year: "numeric", month: "short", day: "numeric", timeZone },
    medium: { year: "numeric", month: "short", day: "numeric", timeZone },
    long: { year: "numeric", month: "long", day: "numeric", ...time, timeZone, ...named },
    full: { weekday: "long", year: "numeric", month: "long", day: "numeric", ...time, timeZone, timeZoneName: "short" },
  };
}

function timeFormats(locale: Locale, { timeZone, nameZone }: MessageZone): Record<string, Intl.DateTimeFormatOptions> {
  const named = nameZone ? ({ timeZoneName: "short" } as const) : {};
  const time = shortTimeFields(locale);
  return {
    short: { ...time, timeZone, ...named },
    medium: { ...time, second: "2-digit", timeZone, ...named },
    long: { ...time, second: "2-digit", timeZone, timeZoneName: "short" },
    full: { ...time, second: "2-digit", timeZone, timeZoneName: "short" },
  };
}
