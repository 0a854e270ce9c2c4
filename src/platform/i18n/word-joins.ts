// Where a value meets the words before it, some languages change those words: French elides
// "de", "le", "que"... before a vowel ("la liste d'octobre", "le ticket
// d'Adèle"). Catalogs write the plain form ("de {month}"); the catalog marks where each
// value starts, and the language's rule applies there and nowhere else, so a translator's own
// words and a client's name are never rewritten. English has no such join in its catalog (a
// test keeps "a {value}" out of it) and Indonesian has none at all.
import type { Locale } from "./locale";

/** Put before every plain value of a message while it is formatted; never left in a result. */
export const VALUE_START = "\uE000";

// Words French elides before a vowel sound. "h" and "y" are left alone: whether they elide
// depends on the word (l'heure but le héros, d'Yves but de yaourt), which a value cannot tell.
const FRENCH_ELIDING = ["de", "le", "la", "que", "ne", "se", "je", "me", "te", "jusque", "lorsque", "puisque"];
const FRENCH_ELISION = new RegExp(`(^|[^\\p{L}])(${FRENCH_ELIDING.join("|")})[ \\u00a0]${VALUE_START}(?=[aeiouàâäæéèêëîïôöœùûü])`, "giu");

type JoinRule = (text: string, apostrophe: string) => string;

const RULES: Partial<Record<Locale, JoinRule>> = {
  fr: (text, apostrophe) => text.replace(FRENCH_ELISION, (_match, before: string, word: string) => `${before}${word.slice(0, -1)}${apostrophe}${VALUE_START}`),
};

export function hasJoinRule(locale: Locale): boolean {
  return RULES[locale] !== undefined;
}

/**
 * The formatted text with the language's joins made and the value marks removed. `source` is
 * the catalog message: an elision uses the apostrophe its translator typed (' or ’).
 */
export function joinWords(locale: Locale, text: string, source: string): string {
  const rule = RULES[locale];
  const joined = rule ? rule(text, source.includes("\u2019") ? "\u2019" : "'") : text;
  return joined.replaceAll(VALUE_START, "");
}
