// Which language the user wrote in. Messages are short ("statut 1042 ?"), too short for
// letter-frequency guessers, so each word votes for the languages whose training data or
// lexicon use it, a word shared by several languages weighing less. Too little evidence, or a
// tie, falls back to the Teams locale.
import { LOCALES, type Locale } from "../i18n/locale";
import { closestWord } from "./edit-distance";
import { isNumber } from "./text";

/** Below this much evidence the message says nothing about its language ("1042", "ok"). */
const MINIMUM_EVIDENCE = 1;
/** A word recognised only through a typo counts for less than one spelled right. */
const TYPO_WEIGHT = 0.5;

export interface LanguageGuess {
  language: Locale;
  scores: Record<Locale, number>;
}

export class LanguageDetector {
  private readonly vocabularyLists: Record<Locale, string[]>;

  constructor(private readonly vocabularies: Record<Locale, Set<string>>) {
    this.vocabularyLists = Object.fromEntries(LOCALES.map((locale) => [locale, [...vocabularies[locale]]])) as Record<Locale, string[]>;
  }

  detect(tokens: readonly string[], hint: Locale): LanguageGuess {
    const scores = Object.fromEntries(LOCALES.map((locale) => [locale, 0])) as Record<Locale, number>;
    for (const token of tokens) {
      if (isNumber(token) || token === "#") continue;
      let voters = LOCALES.filter((locale) => this.vocabularies[locale].has(token));
      let weight = 1;
      if (voters.length === 0) {
        voters = LOCALES.filter((locale) => closestWord(token, this.vocabularyLists[locale]) !== undefined);
        weight = TYPO_WEIGHT;
      }
      for (const locale of voters) scores[locale] += weight / voters.length;
    }
    const ranked = [...LOCALES].sort((a, b) => scores[b] - scores[a]);
    const [best, second] = [ranked[0]!, ranked[1]!];
    const tied = scores[best] === scores[second];
    const language = scores[best] < MINIMUM_EVIDENCE || tied || scores[hint] === scores[best] ? hint : best;
    return { language, scores };
  }
}
