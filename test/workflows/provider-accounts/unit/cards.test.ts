// This workflow's card templates, expanded with representative data in each language, are valid
// Adaptive Cards 1.5 that Teams renders, within the 28 KB budget; Map buttons only for those who map.
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../../src/platform/i18n/locale";
import { translator } from "../../../../src/platform/i18n/translator";
import { validateAdaptiveCard } from "../../../support/adaptive-card-validator";
import { cardVerbs } from "../../../support/bot";
import { cardSamples } from "../card-samples";

describe("provider account cards", () => {
  describe.each(LOCALES)("in %s", (locale) => {
    const t = translator(locale, "Europe/Paris");
    it.each(Object.keys(cardSamples))("%s renders valid for Teams", (name) => {
      const cards = cardSamples[name]?.(t) ?? [];
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) expect(validateAdaptiveCard(card), JSON.stringify(card).slice(0, 400)).toEqual([]);
    });
  });

  it("offers Map and the search to a mapper, neither to a viewer, and Remap and Unmap to an admin once mapped", () => {
    const [forMapper, forViewer, forAdmin] = cardSamples["provider-account"]?.(translator("en")) ?? [];
    expect(cardVerbs(forMapper)).toEqual(expect.arrayContaining(["providerAccount.map", "providerAccount.search"]));
    expect(cardVerbs(forViewer)).not.toContain("providerAccount.map");
    expect(cardVerbs(forViewer)).not.toContain("providerAccount.search");
    expect(cardVerbs(forAdmin)).toEqual(expect.arrayContaining(["providerAccount.remap", "providerAccount.unmap"]));
    expect(cardVerbs(forAdmin)).not.toContain("providerAccount.map");
  });
});
