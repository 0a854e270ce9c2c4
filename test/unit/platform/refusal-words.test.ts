// Every refusal code the platform and the shipped workflows declare has its words in every
// language: a code without them would reach the user as "refusal.some_code".
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allCatalogs } from "../../../src/platform/i18n/catalog";
import { LOCALES } from "../../../src/platform/i18n/locale";
import { refusalKey } from "../../../src/platform/i18n/refusal-words";
import { PLATFORM_REFUSALS } from "../../../src/platform/domain/result";
import { PLATFORM_PARTS } from "../../../src/platform/parts";
import { TABLES } from "../../support/tables";

/** The platform's own catalog of a language, as if no workflow ran. */
function platformCatalog(locale: string): Set<string> {
  const folder = new URL(`../../../src/platform/i18n/messages/${locale}/`, import.meta.url);
  return new Set(readdirSync(folder).flatMap((file) => Object.keys(JSON.parse(readFileSync(new URL(file, folder), "utf8")))));
}

describe("the words of every declared refusal", () => {
  it.each(LOCALES)("are in the %s catalog", (locale) => {
    const catalog = allCatalogs().get(locale);
    const missing = [
      ...PLATFORM_REFUSALS.map((code) => `refusal.${code}`),
      ...TABLES.workflows.flatMap((workflow) => workflow.refusals.map((code) => refusalKey({ locale }, code, workflow.refusalWords))),
    ].filter((key) => !catalog?.has(key));
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)("of the platform are in its own %s catalog, whichever workflows run", (locale) => {
    const catalog = platformCatalog(locale);
    expect(PLATFORM_PARTS.refusals.map((code) => `refusal.${code}`).filter((key) => !catalog.has(key))).toEqual([]);
  });

  it("cover the refusals the engagement domain returns", () => {
    expect(TABLES.refusals).toContain("billing_window_closed");
    expect(TABLES.refusals).toContain("not_permitted");
  });

  it("read a workflow's own words first, and the platform's where it has none", () => {
    const t = { locale: "en" as const };
    expect(refusalKey(t, "not_permitted", "nothing-here")).toBe("refusal.not_permitted");
    expect(refusalKey(t, "not_permitted")).toBe("refusal.not_permitted");
  });
});
