// Every site-access card template, expanded with representative data in each language, is a
// valid Adaptive Card 1.5 that Teams renders, within the 28 KB budget; the decision card offers
// the privileges as checkboxes.
import { describe, expect, it } from "vitest";
import { templateNames } from "../../../../src/platform/cards/render";
import { LOCALES } from "../../../../src/platform/i18n/locale";
import { translator } from "../../../../src/platform/i18n/translator";
import { validateAdaptiveCard } from "../../../support/adaptive-card-validator";
import { cardSamples } from "./card-samples";

describe("site access cards", () => {
  it("has a sample for each of its templates", () => {
    expect(templateNames().filter((name) => name.startsWith("site-access") && !cardSamples[name])).toEqual([]);
  });

  describe.each(LOCALES)("in %s", (locale) => {
    const t = translator(locale, "Asia/Jakarta");
    it.each(Object.keys(cardSamples))("%s renders valid for Teams", (name) => {
      for (const card of cardSamples[name]?.(t) ?? []) expect(validateAdaptiveCard(card), JSON.stringify(card).slice(0, 400)).toEqual([]);
    });
  });

  it("offers the four privileges as checkboxes on the decision card", () => {
    const [card] = cardSamples["site-access-request"]?.(translator("id", "Asia/Jakarta")) ?? [];
    const text = JSON.stringify(card);
    expect(text).toContain('"isMultiSelect":true');
    for (const value of ["reporting", "online_ordering", "proposal_quote_order", "guided_selling"]) expect(text).toContain(`"value":"${value}"`);
  });
});
