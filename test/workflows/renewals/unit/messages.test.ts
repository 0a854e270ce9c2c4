// Every word of renewals exists in English, French and Indonesian: the same keys in each
// catalog, every refusal, import error, state and history entry named, and every message
// compiling with the English placeholders and formatting with its facts.
import { readFileSync } from "node:fs";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { RENEWAL_AUDIT_ACTIONS } from "../../../../src/workflows/renewals/domain/audit";
import { RENEWAL_STATES } from "../../../../src/workflows/renewals/domain/line-items";
import { RENEWAL_IMPORT_ERRORS, RENEWAL_REFUSALS, type RenewalImportErrorCode, type RenewalRefusal } from "../../../../src/workflows/renewals/domain/refusals";

const LOCALES = ["en", "fr", "id"] as const;
const catalogs = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    JSON.parse(readFileSync(new URL(`../../../../src/workflows/renewals/messages/${locale}/renewals.json`, import.meta.url), "utf8")) as Record<string, string>,
  ]),
) as Record<(typeof LOCALES)[number], Record<string, string>>;

const REFUSAL_FACTS: Record<RenewalRefusal, Record<string, string | number>> = {
  not_permitted: { role: "viewer" },
  renewal_closed: { state: "renewed", agreementNumber: "2024-AG-7731", lineItem: "001" },
  quote_number_required: {},
  quote_number_invalid: { quoteNumber: "Q 1", max: 30 },
  reason_required: {},
  reason_too_long: { max: 500 },
  due_window_invalid: { days: "181", max: 180 },
};

// An import error is worded with its line, column and value, and its own facts beside them.
const IMPORT_FACTS: Record<RenewalImportErrorCode, Record<string, string | number>> = {
  file_unreadable: { line: 3, detail: "CSV_QUOTE_NOT_CLOSED" },
  file_empty: { line: 1 },
  column_missing: { line: 1, column: "End date" },
  column_duplicated: { line: 1, column: "Renewal date", first: "End date" },
  value_required: { line: 2, column: "Site name" },
  value_too_long: { line: 2, column: "Site name", value: "SSS", max: 200 },
  date_invalid: { line: 2, column: "End date", value: "2027-02-30" },
  date_order_conflict: { line: 3, column: "End date", value: "04/25/2027" },
  amount_invalid: { line: 2, column: "Amount", value: "12.500,00", example: "1,234.50" },
  amount_precision: { line: 4, column: "Amount", value: "1.005", currency: "USD", digits: 2 },
  currency_invalid: { line: 3, column: "Currency", value: "XYZ" },
  quote_number_invalid: { line: 3, column: "Quote number", value: "Q 1" },
  line_item_duplicated: { line: 3, column: "Line item", value: "001", firstLine: 2 },
};

function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    found.add(element.value);
    if (element.type === TYPE.select || element.type === TYPE.plural) for (const option of Object.values(element.options)) placeholders(option.value, found);
  }
  return found;
}

function format(locale: (typeof LOCALES)[number], key: string, values: Record<string, string | number | Date>): string {
  return String(new IntlMessageFormat(catalogs[locale][key] ?? "", locale, undefined, { ignoreTag: true }).format(values));
}

describe("renewal catalogs", () => {
  it.each(LOCALES)("%s has exactly the keys English has, all prefixed renewal.", (locale) => {
    expect(Object.keys(catalogs[locale]).sort()).toEqual(Object.keys(catalogs.en).sort());
    for (const key of Object.keys(catalogs[locale])) expect(key.startsWith("renewal.")).toBe(true);
  });

  it.each(LOCALES)("%s names every refusal, import error, state and history entry", (locale) => {
    const keys = [
      ...RENEWAL_REFUSALS.map((code) => `renewal.refusal.${code}`),
      ...RENEWAL_IMPORT_ERRORS.map((code) => `renewal.importError.${code}`),
      ...RENEWAL_STATES.map((state) => `renewal.state.${state}`),
      ...RENEWAL_AUDIT_ACTIONS.map((action) => `renewal.audit.${action}`),
    ];
    for (const key of keys) expect(catalogs[locale][key], key).toMatch(/\S/);
  });

  it.each(LOCALES)("%s messages compile with the English placeholders", (locale) => {
    for (const [key, message] of Object.entries(catalogs[locale])) {
      expect([...placeholders(parse(message))].sort(), `${locale} ${key}`).toEqual([...placeholders(parse(catalogs.en[key] ?? ""))].sort());
    }
  });

  it.each(LOCALES)("%s words every refusal and import error with its facts", (locale) => {
    for (const code of RENEWAL_REFUSALS) expect(format(locale, `renewal.refusal.${code}`, REFUSAL_FACTS[code])).not.toContain("{");
    for (const code of RENEWAL_IMPORT_ERRORS) expect(format(locale, `renewal.importError.${code}`, IMPORT_FACTS[code])).not.toContain("{");
  });

  it("reads naturally in each language", () => {
    expect(format("en", "renewal.importError.line_item_duplicated", IMPORT_FACTS.line_item_duplicated)).toBe(
      'Line 3, column "Line item": line item 001 already appears on line 2.',
    );
    expect(format("id", "renewal.list.title", { days: 90 })).toBe("Perpanjangan yang jatuh tempo dalam 90 hari ke depan");
    expect(format("fr", "renewal.due.inDays", { days: 1 })).toBe("Échéance demain");
    expect(catalogs.id["renewal.report.180day"]).toBe("Laporan 180 hari");
  });
});
