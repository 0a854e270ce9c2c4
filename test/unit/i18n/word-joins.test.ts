// French elides "de", "le", "que"... before a vowel where a value follows them in a message
// ("de octobre" reads "d'octobre"), and nowhere else: not in a translator's own words, not
// inside a value, not in English or Indonesian.
import { describe, expect, it } from "vitest";
import { allCatalogs, formatMessage } from "../../../src/platform/i18n/catalog";
import { formatMonth } from "../../../src/platform/i18n/format";

const closed = (locale: "en" | "fr" | "id", month: string) =>
  formatMessage(locale, "conversation.billingWindow.closed", { month: formatMonth(locale, month), lastMoment: "…", zones: "same" });

describe("French elision where a value follows", () => {
  it("writes d'octobre, d'avril and d'août", () => {
    expect(closed("fr", "2026-10")).toBe(
      "La fenêtre de facturation d'octobre 2026 s'est fermée le … : la consommation d'octobre 2026 ne peut plus être facturée.",
    );
    expect(closed("fr", "2026-04")).toContain("de facturation d'avril 2026");
    expect(closed("fr", "2026-08")).toContain("de facturation d'août 2026");
  });

  it("keeps de before a consonant", () => {
    expect(closed("fr", "2026-03")).toContain("de facturation de mars 2026");
  });

  it("elides before any value, an engagement reference too, with the apostrophe its message uses", () => {
    const at = new Date("2026-11-20T10:00:00Z");
    expect(formatMessage("fr", "billing.completion.intro", { client: "Fabrikam", reference: "ENG-1042", at })).toBe(
      "Fabrikam a demandé la clôture d'ENG-1042 le 20 nov. 2026.",
    );
    expect(formatMessage("fr", "refusal.billing_month_in_future", { month: formatMonth("fr", "2026-12") })).toBe(
      "Le mois de décembre 2026 n’a pas commencé : l’utilisation se facture à partir du premier jour du mois.",
    );
    expect(formatMessage("fr", "refusal.billing_month_in_future", { month: formatMonth("fr", "2026-10") })).toMatch(/^Le mois d’octobre 2026 n’a/);
  });

  it("leaves the words inside a value alone, and a choice keyed by a value still chooses", () => {
    const at = new Date("2026-11-20T10:00:00Z");
    expect(formatMessage("fr", "billing.completion.intro", { client: "Maison de Ami", reference: "ENG-7", at })).toBe(
      "Maison de Ami a demandé la clôture d'ENG-7 le 20 nov. 2026.",
    );
    expect(formatMessage("fr", "refusal.not_billable", { reference: "ENG-7", state: "pending" })).toBe(
      "ENG-7 ne prend pas d’entrée de facturation tant qu’il est en attente : seuls les engagements approuvés en prennent.",
    );
  });

  it("changes nothing in English or Indonesian", () => {
    expect(closed("en", "2026-10")).toBe("The billing window for October 2026 closed at …: usage for October 2026 can no longer be billed.");
    expect(closed("id", "2026-10")).toBe("Jendela penagihan Oktober 2026 sudah ditutup pada …: pemakaian Oktober 2026 tidak dapat ditagih lagi.");
  });
});

describe("the catalogs", () => {
  it("write the plain form before a value, leaving the elision to the rule", () => {
    const elidedBeforeValue = [...(allCatalogs().get("fr") ?? [])].filter(([, message]) => /\b(?:d|l|qu|n|s|j|m|t|jusqu)['’]\{/i.test(message));
    expect(elidedBeforeValue).toEqual([]);
  });

  it("put no English article before a value, which would need a/an chosen by its sound", () => {
    const articleBeforeValue = [...(allCatalogs().get("en") ?? [])].filter(([, message]) => /\b(?:a|an) \{/i.test(message));
    expect(articleBeforeValue).toEqual([]);
  });

  it("start no French sentence with a month, which French writes in lower case", () => {
    const monthFirst = [...(allCatalogs().get("fr") ?? [])].filter(([, message]) => /^\{(?:month|monthName)\}/.test(message));
    expect(monthFirst).toEqual([]);
  });
});
