// The workflow's words in English, French and Indonesian: the same keys in each, every message
// valid ICU with the English placeholders, and words for every state, step, refusal code,
// eligibility reason, cancellation reason, history action and deadline.
import { readFileSync } from "node:fs";
import { type MessageFormatElement, TYPE, parse } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import type { VoucherDeadlineKind } from "../../../../src/workflows/planning-vouchers/domain/deadlines";
import { COMPETENCY_LEVELS } from "../../../../src/workflows/planning-vouchers/domain/eligibility";
import { VOUCHER_REFUSALS } from "../../../../src/workflows/planning-vouchers/domain/refusals";
import { CANCELLATION_REASONS } from "../../../../src/workflows/planning-vouchers/domain/reservation";
import { VOUCHER_ACTIONS } from "../../../../src/workflows/planning-vouchers/domain/steps";
import { VOUCHER_STATES, VOUCHER_STEPS } from "../../../../src/workflows/planning-vouchers/domain/voucher";

const LOCALES = ["en", "fr", "id"] as const;
const catalogs = Object.fromEntries(
  LOCALES.map((locale) => {
    const url = new URL(`../../../../src/workflows/planning-vouchers/messages/${locale}/planning-vouchers.json`, import.meta.url);
    return [locale, JSON.parse(readFileSync(url, "utf8")) as Record<string, string>];
  }),
) as Record<(typeof LOCALES)[number], Record<string, string>>;

const DEADLINE_KINDS: readonly VoucherDeadlineKind[] = [
  "expiring",
  "redemption_waiting",
  "invoice_waiting",
  "payment_waiting",
  "enrolment_anniversary",
  "competency_lapsing",
  "exam_lapsing",
];
const REASONS = [
  "not_enrolled",
  "enrolment_lapsed",
  "competency_missing",
  "competency_level_too_low",
  "competency_expired",
  "compliance_training_missing",
  "exam_missing",
  "exam_expired",
];

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

const format = (locale: string, key: string, values: Record<string, string | number | Date>) =>
  new IntlMessageFormat(catalogs[locale as "en"][key] ?? key, locale, {
    date: { medium: { year: "numeric", month: "short", day: "numeric", timeZone: "Europe/Paris" } },
  }).format(values);

describe("the planning-voucher catalogs", () => {
  it.each(LOCALES)("%s has exactly the keys English has, all under voucher.", (locale) => {
    expect(Object.keys(catalogs[locale]).sort()).toEqual(Object.keys(catalogs.en).sort());
    expect(Object.keys(catalogs[locale]).every((key) => key.startsWith("voucher."))).toBe(true);
  });

  it.each(LOCALES)("%s messages compile and use the English placeholders", (locale) => {
    for (const [key, message] of Object.entries(catalogs[locale])) {
      const english = catalogs.en[key] ?? "";
      expect([...placeholders(parse(message, { ignoreTag: true }))].sort(), `${locale} ${key}`).toEqual(
        [...placeholders(parse(english, { ignoreTag: true }))].sort(),
      );
    }
  });

  it.each(LOCALES)("%s has words for every refusal code, state, step, reason, history action, deadline and renewal", (locale) => {
    const keys = [
      ...VOUCHER_REFUSALS.map((code) => `voucher.refusal.${code}`),
      ...VOUCHER_STATES.map((state) => `voucher.state.${state}`),
      ...[...VOUCHER_STEPS, "reschedule", "cancel_reservation"].map((step) => `voucher.step.${step}`),
      ...REASONS.map((reason) => `voucher.eligibility.reason.${reason}`),
      ...CANCELLATION_REASONS.map((reason) => `voucher.cancellationReason.${reason}`),
      ...COMPETENCY_LEVELS.map((level) => `voucher.competencyLevel.${level}`),
      ...VOUCHER_ACTIONS.map((action) => `voucher.history.${action}`),
      ...DEADLINE_KINDS.map((kind) => `voucher.deadline.${kind}`),
      ...["enrolment", "competency", "lapsed"].map((kind) => `voucher.renewal.${kind}`),
    ];
    expect(keys.filter((key) => !catalogs[locale][key]?.trim())).toEqual([]);
  });

  it("says why a partner is not eligible, in the words of the issue", () => {
    const facts = {
      engagementType: "Cloud Adoption",
      reasons: 1,
      reason: "competency_expired",
      competency: "Cloud Platform",
      expiredOn: new Date("2026-10-02T22:00:00Z"),
    };
    expect(format("en", "voucher.refusal.partner_not_eligible", facts)).toBe(
      "Not eligible for Cloud Adoption: the competency Cloud Platform, required for this engagement type, expired on Oct 3, 2026.",
    );
    expect(format("fr", "voucher.refusal.partner_not_eligible", { ...facts, reasons: 2 })).toBe(
      "Non éligible pour Cloud Adoption : la compétence Cloud Platform, requise pour ce type d'engagement, a expiré le 3 oct. 2026. La carte du bon liste les 2 motifs.",
    );
  });

  it("counts days down to expiry in each language", () => {
    expect([0, 1, 14].map((days) => format("en", "voucher.expiry.countdown", { days }))).toEqual(["Expires today", "Expires tomorrow", "Expires in 14 days"]);
    expect([0, 1, 14].map((days) => format("fr", "voucher.expiry.countdown", { days }))).toEqual([
      "Expire aujourd'hui",
      "Expire demain",
      "Expire dans 14 jours",
    ]);
    expect([0, 1, 14].map((days) => format("id", "voucher.expiry.countdown", { days }))).toEqual([
      "Kedaluwarsa hari ini",
      "Kedaluwarsa besok",
      "Kedaluwarsa dalam 14 hari",
    ]);
  });
});
