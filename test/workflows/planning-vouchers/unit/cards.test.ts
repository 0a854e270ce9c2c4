// The voucher cards render valid for Teams (Adaptive Cards 1.5, under 28 KB) in every language,
// from the samples that test/unit/cards/templates.test.ts can also take in.
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../../src/platform/i18n/locale";
import { translator } from "../../../../src/platform/i18n/translator";
import { validateAdaptiveCard } from "../../../support/adaptive-card-validator";
import { cardSamples } from "./card-samples";

describe.each(LOCALES)("voucher cards in %s", (locale) => {
  const t = translator(locale, "Europe/Paris");
  it.each(Object.keys(cardSamples))("%s renders valid for Teams", (name) => {
    const cards = cardSamples[name]?.(t) ?? [];
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(validateAdaptiveCard(card), JSON.stringify(card).slice(0, 400)).toEqual([]);
  });

  it("shows the schedule form with eligible consultants only, and no form once expired", () => {
    const [, reserved] = cardSamples.voucher?.(t) ?? [];
    const text = JSON.stringify(reserved);
    expect(text).toContain("voucher.schedule");
    expect(text).toContain("c-rina");
    expect(text).not.toContain("c-tom");
    const expired = (cardSamples.voucher?.(t) ?? [])[9];
    expect(JSON.stringify(expired)).not.toContain("voucher.reserve");
  });
});
