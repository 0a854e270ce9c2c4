// Every refusal code the platform and the shipped workflows declare has its words in every
// language: a code without them would reach the user as "refusal.some_code".
import { describe, expect, it } from "vitest";
import { allCatalogs } from "../../../src/platform/i18n/catalog";
import { LOCALES } from "../../../src/platform/i18n/locale";
import { refusalKey } from "../../../src/platform/i18n/refusal-words";
import { PLATFORM_REFUSALS } from "../../../src/platform/domain/result";
import { TABLES } from "../../support/tables";

describe("the words of every declared refusal", () => {
  it.each(LOCALES)("are in the %s catalog", (locale) => {
    const catalog = allCatalogs().get(locale);
    const missing = [
      ...PLATFORM_REFUSALS.map((code) => `refusal.${code}`),
      ...TABLES.workflows.flatMap((workflow) => workflow.refusals.map((code) => refusalKey({ locale }, code, workflow.refusalWords))),
    ].filter((key) => !catalog?.has(key));
    expect(missing).toEqual([]);
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
