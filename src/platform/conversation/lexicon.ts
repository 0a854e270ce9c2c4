// The words each language uses for the things the recognizer extracts (months, ranges, people),
// kept as data in lexicon/<locale>.json so a wording is fixed without touching code.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { LOCALES, type Locale } from "../i18n/locale";
import { tokenise } from "./text";

const ZWordsSchema = z.array(z.string().min(1));

const ZLexiconSchema = z.object({
  /** Month number -> its full name first, then abbreviations. */
  months: z.record(z.string().regex(/^(?:[1-9]|1[0-2])$/), ZWordsSchema.min(1)),
  monthModifiers: z.object({ next: ZWordsSchema, previous: ZWordsSchema }),
  relativeMonths: z.object({ previous: ZWordsSchema, current: ZWordsSchema, next: ZWordsSchema }),
  ranges: z.object({ today: ZWordsSchema, week: ZWordsSchema, month: ZWordsSchema }),
  scope: z.object({ mine: ZWordsSchema, weakMine: ZWordsSchema, all: ZWordsSchema }),
  /** Words after a number that make it a quantity ("24 hours"), not a reference. */
  quantityUnits: ZWordsSchema,
  /** Words of everyday talk ("please", "show", "tell") that say nothing about the domain on their own. */
  everydayWords: ZWordsSchema,
  /** Month names that are also ordinary words ("may I..."): not a month before these words or first. */
  monthGuards: z.record(z.string(), ZWordsSchema),
  /**
   * Chat spellings and abbreviations -> the words they stand for ("yg" -> "yang", "blm" ->
   * "belum"): a message read in the language is spelled out before anything else reads it.
   */
  abbreviations: z.record(z.string().regex(/^[a-z0-9]+$/), z.string().min(1)),
});

export type MonthOffset = -1 | 0 | 1;
export type RangeValue = "today" | "week" | "month";
export type ScopeValue = "mine" | "weakMine" | "all";

/** What a phrase of the lexicon means; "this month" means both a range and a month. */
export interface PhraseMeaning {
  relativeMonth?: MonthOffset;
  range?: RangeValue;
  scope?: ScopeValue;
}

export interface Phrase {
  tokens: string[];
  meaning: PhraseMeaning;
}

export interface Lexicon {
  locale: Locale;
  /** Full month names: safe to recognise in any language and with a typo. */
  monthNames: Map<string, number>;
  /** Abbreviations: exact, and only in their own language ("des" is French for "some"). */
  monthAbbreviations: Map<string, number>;
  monthModifiers: Map<string, "next" | "previous">;
  /** Longest first, so "le mois dernier" wins over "le mois". */
  phrases: Phrase[];
  quantityUnits: Set<string>;
  everydayWords: Set<string>;
  monthGuards: Map<string, Set<string>>;
  /** Chat spelling -> the words it stands for. */
  abbreviations: Map<string, string[]>;
  /** Every word the lexicon knows, its chat spellings included, for language detection and typo correction. */
  words: Set<string>;
}

const OFFSETS = { previous: -1, current: 0, next: 1 } as const;

/** The words of a message, its chat spellings written out: "blm di approve" reads "belum di approve". */
export function spellOut(tokens: readonly string[], abbreviations: ReadonlyMap<string, readonly string[]>): string[] {
  return tokens.flatMap((token) => abbreviations.get(token) ?? [token]);
}

function mergePhrase(phrases: Map<string, Phrase>, tokens: string[], meaning: PhraseMeaning): void {
  const key = tokens.join(" ");
  const existing = phrases.get(key);
  phrases.set(key, { tokens, meaning: { ...existing?.meaning, ...meaning } });
}

export function buildLexicon(locale: Locale, raw: unknown): Lexicon {
  const data = ZLexiconSchema.parse(raw);
  const abbreviations = new Map(Object.entries(data.abbreviations).map(([short, full]) => [short, tokenise(full)]));
  // The lexicon's own phrases are read the way messages are: spelled out.
  const wordsOf = (text: string) => spellOut(tokenise(text), abbreviations);
  const monthNames = new Map<string, number>();
  const monthAbbreviations = new Map<string, number>();
  for (const [month, [name, ...shortNames]] of Object.entries(data.months)) {
    monthNames.set(tokenise(name!).join(""), Number(month));
    for (const shortName of shortNames) monthAbbreviations.set(tokenise(shortName).join(""), Number(month));
  }
  const monthModifiers = new Map<string, "next" | "previous">();
  for (const word of data.monthModifiers.next) monthModifiers.set(word, "next");
  for (const word of data.monthModifiers.previous) monthModifiers.set(word, "previous");

  const phrases = new Map<string, Phrase>();
  for (const [offset, texts] of Object.entries(data.relativeMonths)) {
    for (const text of texts) mergePhrase(phrases, wordsOf(text), { relativeMonth: OFFSETS[offset as keyof typeof OFFSETS] });
  }
  for (const [range, texts] of Object.entries(data.ranges)) {
    for (const text of texts) mergePhrase(phrases, wordsOf(text), { range: range as RangeValue });
  }
  for (const [scope, texts] of Object.entries(data.scope)) {
    for (const text of texts) mergePhrase(phrases, wordsOf(text), { scope: scope as ScopeValue });
  }
  const sorted = [...phrases.values()].sort((a, b) => b.tokens.length - a.tokens.length);
  const words = new Set<string>([
    ...monthNames.keys(),
    ...monthAbbreviations.keys(),
    ...monthModifiers.keys(),
    ...sorted.flatMap((phrase) => phrase.tokens),
    // The spellings, not the words they stand for: "appr" says the message is English, while
    // "approval" is the domain's word, not one as much at home in small talk.
    ...abbreviations.keys(),
  ]);
  return {
    locale,
    monthNames,
    monthAbbreviations,
    monthModifiers,
    phrases: sorted,
    quantityUnits: new Set(data.quantityUnits.flatMap(wordsOf)),
    everydayWords: new Set(data.everydayWords.flatMap(wordsOf)),
    monthGuards: new Map(Object.entries(data.monthGuards).map(([word, next]) => [word, new Set(next)])),
    abbreviations,
    words,
  };
}

export function loadLexicons(): Record<Locale, Lexicon> {
  const entries = LOCALES.map((locale) => {
    const file = new URL(`./lexicon/${locale}.json`, import.meta.url);
    return [locale, buildLexicon(locale, JSON.parse(readFileSync(file, "utf8")))] as const;
  });
  return Object.fromEntries(entries) as Record<Locale, Lexicon>;
}
