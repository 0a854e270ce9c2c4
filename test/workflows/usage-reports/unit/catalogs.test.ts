// The usage-report catalogs: the same keys in English, French and Indonesian, words for every
// state, history action and refusal, each message compiling with the English placeholders.
import { readFileSync } from "node:fs";
import { type MessageFormatElement, TYPE, parse } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { USAGE_REPORT_REFUSALS, type UsageReportRefusal } from "../../../../src/workflows/usage-reports/domain/refusals";
import { USAGE_REPORT_ACTIONS, USAGE_REPORT_STATES } from "../../../../src/workflows/usage-reports/domain/report";

const LOCALES = ["en", "fr", "id"] as const;
const catalogs = new Map(
  LOCALES.map((locale) => [
    locale,
    JSON.parse(readFileSync(new URL(`../../../../src/workflows/usage-reports/messages/${locale}/usage-reports.json`, import.meta.url), "utf8")) as Record<
      string,
      string
    >,
  ]),
);
const english = catalogs.get("en") ?? {};

function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    found.add(element.value);
    if (element.type === TYPE.select || element.type === TYPE.plural) for (const option of Object.values(element.options)) placeholders(option.value, found);
  }
  return found;
}

const at = new Date("2026-12-05T22:59:00Z");
/** Facts as the domain gives them, one refusal of each code. */
const SAMPLE_FACTS: Record<UsageReportRefusal, Record<string, string | number | Date>> = {
  not_found: {},
  not_permitted: { role: "viewer" },
  reporting_not_available: { account: "Contoso MSP" },
  not_editable: { state: "in_review", how: "manual", by: "Ana", at },
  edited_meanwhile: { by: "Budi", at, count: 2, products: "Endpoint security, Email archive" },
  line_unknown: { lineId: "seats" },
  units_invalid: { product: "Email archive", rule: "too_many_decimals", maxDecimals: 6 },
  comment_too_long: { product: "Email archive", max: 500, length: 612 },
  comment_required: { count: 2, product: "Endpoint security", provisioned: "10", billable: "8" },
  auto_submission_due: { at },
  auto_submission_not_due: { at },
  auto_submission_passed: { at, rejectedAt: new Date("2026-12-07T09:00:00Z") },
  not_in_review: { state: "approved", how: "distributor", by: "", at },
  decision_id_reused: { decisionId: "D-9" },
  rejection_note_required: {},
  note_too_long: { max: 1000, length: 1200, product: "" },
  timestamp_in_future: { field: "decidedAt", at: "2026-12-04T10:00:00Z", now: "2026-12-04T09:00:00Z", minutes: 5 },
  timestamp_before_event: { field: "decidedAt", at: "2026-12-03T09:00:00Z", earliest: "2026-12-03T10:00:00Z", event: "submission" },
  cycle_invalid: { cycle: "2026-13" },
  line_duplicated: { lineId: "seats", product: "Endpoint security" },
  report_facts_conflict: { platformReportId: "LMP-R-2026-11", field: "cycle" },
  report_not_in_preparation: { platformReportId: "LMP-R-2026-11", state: "in_review" },
  year_invalid: { year: "2027", first: "2000", last: "2026" },
};

function format(locale: string, key: string, values: Record<string, string | number | Date>): string {
  const source = catalogs.get(locale as (typeof LOCALES)[number])?.[key];
  if (source === undefined) throw new Error(`${locale} has no ${key}`);
  const utc = { timeZone: "UTC" };
  return String(
    new IntlMessageFormat(
      source,
      locale,
      {
        date: { medium: { year: "numeric", month: "short", day: "numeric", ...utc } },
        time: { short: { hour: "2-digit", minute: "2-digit", hourCycle: "h23", ...utc } },
      },
      { ignoreTag: true },
    ).format(values),
  );
}

describe("usage-report catalogs", () => {
  it.each(LOCALES)("%s has exactly the keys of the other languages, all prefixed usageReport.", (locale) => {
    const keys = Object.keys(catalogs.get(locale) ?? {}).sort();
    for (const other of LOCALES) expect(keys, `${locale} vs ${other}`).toEqual(Object.keys(catalogs.get(other) ?? {}).sort());
    expect(keys.every((key) => key.startsWith("usageReport."))).toBe(true);
  });

  it.each(LOCALES)("%s names every state, every history action and every refusal", (locale) => {
    const catalog = catalogs.get(locale) ?? {};
    for (const state of USAGE_REPORT_STATES) expect(catalog[`usageReport.state.${state}`], state).toBeTruthy();
    for (const action of USAGE_REPORT_ACTIONS) expect(catalog[`usageReport.history.${action}`], action).toBeTruthy();
    for (const code of USAGE_REPORT_REFUSALS) expect(catalog[`usageReport.refusal.${code}`], code).toBeTruthy();
  });

  it.each(LOCALES)("%s messages compile and use the English placeholders", (locale) => {
    for (const [key, message] of Object.entries(catalogs.get(locale) ?? {})) {
      expect([...placeholders(parse(message, { ignoreTag: true }))].sort(), `${locale} ${key}`).toEqual(
        [...placeholders(parse(english[key] ?? "", { ignoreTag: true }))].sort(),
      );
    }
  });

  it.each(LOCALES)("%s words every refusal with its facts, leaving no placeholder unfilled", (locale) => {
    for (const code of USAGE_REPORT_REFUSALS) {
      const text = format(locale, `usageReport.refusal.${code}`, SAMPLE_FACTS[code]);
      expect(text, `${locale} ${code}`).not.toMatch(/[{}]/);
      expect(text.length, `${locale} ${code}`).toBeGreaterThan(10);
    }
  });

  it("says in plain words who submitted a read-only report and when", () => {
    expect(format("en", "usageReport.refusal.not_editable", SAMPLE_FACTS.not_editable)).toBe(
      "This report is under review and can no longer be changed: Ana submitted it on Dec 5, 2026.",
    );
    expect(format("fr", "usageReport.refusal.not_editable", { ...SAMPLE_FACTS.not_editable, how: "automatic" })).toBe(
      "Ce rapport est en cours de vérification et ne peut plus être modifié : il a été soumis automatiquement le 5 déc. 2026.",
    );
  });

  it("says when a report submits automatically, in each language", () => {
    const values = { days: 3, lastMoment: at, zone: "UTC" };
    expect(format("en", "usageReport.autoSubmission.when", values)).toBe("Submits automatically in 3 days, on Dec 5, 2026 at 22:59 UTC");
    expect(format("fr", "usageReport.autoSubmission.when", values)).toBe("Soumission automatique dans 3 jours, le 5 déc. 2026 à 22:59 UTC");
    expect(format("id", "usageReport.autoSubmission.when", values)).toBe("Dikirim otomatis dalam 3 hari, pada 5 Des 2026 pukul 22.59 UTC");
  });
});
