// A count shown to a reader agrees with its noun: "1 hour", never "1 Hours". Every catalog
// message in a language that inflects nouns for number shows its counts inside an ICU plural.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { quantityText } from "../../../src/workflows/engagements/views/billing";
import { allCatalogs, formatMessage } from "../../../src/platform/i18n/catalog";
import { translator } from "../../../src/platform/i18n/translator";

/** Arguments that hold a number of things; any argument a catalog uses as a plural selector counts too. */
const COUNT_ARGUMENTS = ["count", "shown", "total", "max", "maxDecimals", "days", "rejected"];

function pluralSelectors(elements: MessageFormatElement[], found: Set<string>): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.plural) found.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) pluralSelectors(option.value, found);
    }
  }
  return found;
}

function countsOutsidePlural(elements: MessageFormatElement[], counts: Set<string>, insidePlural = false, found: string[] = []): string[] {
  for (const element of elements) {
    if (element.type === TYPE.argument && counts.has(element.value) && !insidePlural) found.push(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) countsOutsidePlural(option.value, counts, insidePlural || element.type === TYPE.plural, found);
    }
  }
  return found;
}

describe("counts in the catalogs", () => {
  const catalogs = allCatalogs();
  const counts = new Set(COUNT_ARGUMENTS);
  for (const catalog of catalogs.values()) for (const message of catalog.values()) pluralSelectors(parse(message, { ignoreTag: true }), counts);

  // Indonesian nouns do not change with the number ("1 jam", "2 jam"): its messages may show a count bare.
  it.each(["en", "fr"] as const)("%s shows every count inside a plural", (locale) => {
    const bare = [...(catalogs.get(locale) ?? [])].flatMap(([key, message]) =>
      countsOutsidePlural(parse(message, { ignoreTag: true }), counts).map((name) => `${key}: {${name}}`),
    );
    expect(bare).toEqual([]);
  });

  it("says the one of a count in the singular", () => {
    expect(formatMessage("en", "reminders.count.engagement.pending-approval", { count: 1 })).toBe("1 pending approval");
    expect(formatMessage("en", "billing.entries.more", { shown: 1 })).toBe("Showing the most recent entry.");
    expect(formatMessage("fr", "refusal.notes_too_long", { max: 1 })).toBe("Les notes sont trop longues : 1 caractère au plus.");
    expect(formatMessage("en", "conversation.status.choose", { count: 2, typed: "104" })).toBe('2 engagements match "104". Which one do you mean?');
  });
});

describe("a billed quantity", () => {
  it("takes its unit in the singular or plural the quantity calls for", () => {
    expect(quantityText(translator("en"), "1", "hour")).toBe("1 hour");
    expect(quantityText(translator("en"), "1.5", "hour")).toBe("1.5 hours");
    expect(quantityText(translator("en"), "12", "license")).toBe("12 licences");
    expect(quantityText(translator("fr"), "1.5", "hour")).toBe("1,5 heure");
    expect(quantityText(translator("fr"), "2", "day")).toBe("2 jours");
    expect(quantityText(translator("id"), "2", "hour")).toBe("2 jam");
    expect(quantityText(translator("en"), "250", "gb")).toBe("250 GB");
  });
});
