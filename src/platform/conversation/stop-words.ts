// Function words ("the", "de", "yang") per language, from NLP.js's own lists so the recognizer
// does not keep a private copy of a language's grammar; normalised the way messages are.
import { StopwordsEn } from "@nlpjs/lang-en-min";
import { StopwordsFr } from "@nlpjs/lang-fr";
import { StopwordsId } from "@nlpjs/lang-id";
import type { Locale } from "../i18n/locale";
import { tokenise } from "./text";

const LISTS = { en: StopwordsEn, fr: StopwordsFr, id: StopwordsId } as const;

export function stopWords(locale: Locale): Set<string> {
  const { dictionary } = new LISTS[locale]();
  return new Set(Object.keys(dictionary).flatMap((word) => tokenise(word)));
}
