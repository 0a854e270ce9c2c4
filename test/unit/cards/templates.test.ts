// Every template in cards/, expanded with representative data in each language, is a valid
// Adaptive Card 1.5 that Teams renders, within the 28 KB budget.
import { describe, expect, it } from "vitest";
import { templateNames } from "../../../src/platform/cards/render";
import { LOCALES } from "../../../src/platform/i18n/locale";
import { translator } from "../../../src/platform/i18n/translator";
import { validateAdaptiveCard } from "../../support/adaptive-card-validator";
import { type CardSamples, foundationSamples } from "./samples";
import { reminderSamples } from "../reminders/card-samples";
import { billingCardSamples } from "../domain/billing-card-samples";
import { renewalCardSamples } from "../../workflows/renewals/unit/card-samples";

const samples: CardSamples = { ...foundationSamples, ...reminderSamples, ...billingCardSamples, ...renewalCardSamples };

describe("card templates", () => {
  it("each has representative samples", () => {
    expect(templateNames().filter((name) => !samples[name])).toEqual([]);
  });

  describe.each(LOCALES)("in %s", (locale) => {
    const t = translator(locale, "Europe/Paris");
    it.each(templateNames())("%s renders valid for Teams", (name) => {
      const cards = samples[name]?.(t) ?? [];
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) expect(validateAdaptiveCard(card), JSON.stringify(card).slice(0, 400)).toEqual([]);
    });
  });
});
