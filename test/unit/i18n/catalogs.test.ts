// Every user-facing string exists in English, French and Indonesian, and every message
// compiles as ICU with the same placeholders in each language.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { allCatalogs, formatMessage } from "../../../src/platform/i18n/catalog";
import { LOCALES } from "../../../src/platform/i18n/locale";

function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    found.add(element.value);
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      for (const option of Object.values(element.options)) placeholders(option.value, found);
    }
  }
  return found;
}

describe("message catalogs", () => {
  const catalogs = allCatalogs();
  const english = catalogs.get("en");

  it.each(LOCALES)("%s has exactly the keys the other locales have", (locale) => {
    const keys = [...(catalogs.get(locale)?.keys() ?? [])].sort();
    for (const other of LOCALES) expect(keys, `${locale} vs ${other}`).toEqual([...(catalogs.get(other)?.keys() ?? [])].sort());
  });

  it.each(LOCALES)("%s messages compile and use the English placeholders", (locale) => {
    for (const [key, message] of catalogs.get(locale) ?? []) {
      const source = english?.get(key) ?? "";
      expect([...placeholders(parse(message, { ignoreTag: true }))].sort(), `${locale} ${key}`).toEqual(
        [...placeholders(parse(source, { ignoreTag: true }))].sort(),
      );
    }
  });

  it("formats plurals and dates per locale and zone", () => {
    expect(formatMessage("en", "engagement.list.pendingTitle", { count: 1 })).toBe("1 pending engagement request");
    expect(formatMessage("fr", "engagement.list.pendingTitle", { count: 3 })).toBe("3 demandes d'engagement en attente");
    const at = new Date("2026-11-02T23:30:00Z");
    expect(formatMessage("en", "refusal.already_decided", { state: "approved", by: "Ana", at }, { timeZone: "Asia/Jakarta", nameZone: false })).toBe(
      "Already approved by Ana on Nov 3, 2026.",
    );
  });
});
