import { describe, expect, it } from "vitest";
import { normaliseText } from "../../../src/platform/conversation/text";
import { LOCALES } from "../../../src/platform/i18n/locale";
import { loadEvalSet } from "../../nlu-eval/eval-set";
import { INTENT_CATALOGUE } from "../../support/tables";

describe("the held-out evaluation set", () => {
  it("never appears in the training data, even with case, accents or punctuation changed", () => {
    const training = new Set(
      INTENT_CATALOGUE().definitions.flatMap((definition) => LOCALES.flatMap((locale) => definition.utterances[locale].map(normaliseText))),
    );
    const leaked = LOCALES.flatMap((locale) => loadEvalSet(locale).utterances.map((item) => item.text)).filter((text) => training.has(normaliseText(text)));
    expect(leaked).toEqual([]);
  });

  it("holds at least 50 utterances per language, and every intent in each", () => {
    const intents = INTENT_CATALOGUE().definitions.map((definition) => definition.intent);
    for (const locale of LOCALES) {
      const set = loadEvalSet(locale);
      expect(set.utterances.length).toBeGreaterThanOrEqual(50);
      expect(new Set(set.utterances.map((item) => item.intent))).toEqual(new Set(intents));
    }
  });
});
