// Every refusal code the platform and the shipped workflows declare has its words in every
// language: a code without them would reach the user as "refusal.some_code".
import { describe, expect, it } from "vitest";
import { allCatalogs } from "../../../src/platform/i18n/catalog";
import { LOCALES } from "../../../src/platform/i18n/locale";
import { TABLES } from "../../support/tables";

describe("the words of every declared refusal", () => {
  it.each(LOCALES)("are in the %s catalog", (locale) => {
    const catalog = allCatalogs().get(locale);
    const missing = [...TABLES.refusals].filter((code) => !catalog?.has(`refusal.${code}`));
    expect(missing).toEqual([]);
  });

  it("cover the refusals the engagement domain returns", () => {
    expect(TABLES.refusals).toContain("billing_window_closed");
    expect(TABLES.refusals).toContain("not_permitted");
  });
});
