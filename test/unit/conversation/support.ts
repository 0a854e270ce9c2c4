// Shared fixtures for the recognizer's unit tests: one trained recognizer per test file and
// the extraction context for a language, the way the recognizer builds it.
import { LOCALES, type Locale } from "../../../src/platform/i18n/locale";
import { loadLexicons, spellOut } from "../../../src/platform/conversation/lexicon";
import { type Extraction, extractEntities } from "../../../src/platform/conversation/entity-extraction";
import { tokenise } from "../../../src/platform/conversation/text";
import { TABLES } from "../../support/tables";

const lexicons = loadLexicons();

export function extract(text: string, locale: Locale, now: Date, timeZone = "UTC"): Extraction {
  const primary = locale === "en" ? [lexicons.en] : [lexicons[locale], lexicons.en];
  return extractEntities(spellOut(tokenise(text), lexicons[locale].abbreviations), {
    lexicons: primary,
    allLexicons: LOCALES.map((each) => lexicons[each]),
    knownWords: new Set(),
    references: TABLES.references,
    now,
    timeZone,
  });
}
