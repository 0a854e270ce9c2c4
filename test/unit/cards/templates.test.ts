/// <reference types="vite/client" />
// Every template in cards/, expanded with representative data in each language, is a valid
// Adaptive Card 1.5 that Teams renders, within the 28 KB budget.
import { describe, expect, it } from "vitest";
import { templateNames } from "../../../src/platform/cards/render";
import { LOCALES } from "../../../src/platform/i18n/locale";
import { translator } from "../../../src/platform/i18n/translator";
import { validateAdaptiveCard } from "../../support/adaptive-card-validator";
import { type CardSamples, foundationSamples } from "./samples";
import { integrationsCardSamples } from "../platform/integrations-card-samples";
import { teamCardSamples } from "../platform/team-card-samples";
import { reminderSamples } from "../reminders/card-samples";
import { billingCardSamples } from "../domain/billing-card-samples";

/** Each workflow's own samples: a card-samples.ts anywhere under test/workflows/<name>/, exporting `cardSamples`. */
const workflowSamples = import.meta.glob<CardSamples>("../../workflows/*/**/card-samples.ts", { eager: true, import: "cardSamples" });

const samples: CardSamples = {
  ...foundationSamples,
  ...reminderSamples,
  ...billingCardSamples,
  ...teamCardSamples,
  ...integrationsCardSamples,
  ...Object.assign({}, ...Object.values(workflowSamples)),
};

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
