// Finds the things a question is about (a record reference, a month, a range of days,
// whose work) and hands the classifier the same words with open-ended values replaced by
// placeholders, so "TCK-1042" and "TCK-7" or "octobre" and "Oktober" look alike to it.
import type { Entities, MonthEntity } from "./recognizer";
import type { Lexicon, PhraseMeaning, ScopeValue } from "./lexicon";
import { allowedEdits, editDistance } from "./edit-distance";
import { isNumber } from "./text";
import { resolveMonthName, resolveRelativeMonth } from "./month-resolution";
import { hasReference, patternFor, type ReferencePattern, referenceEntities } from "./references";

export const REFERENCE_PLACEHOLDER = "zref";
export const MONTH_PLACEHOLDER = "zmonth";

export interface ExtractionContext {
  /** The detected language's lexicon first, then the others whose phrases apply (English). */
  lexicons: Lexicon[];
  /** Every language's lexicon: full month names are recognised whatever the language. */
  allLexicons: Lexicon[];
  /** Words spelled right in the detected language: never "corrected" into an entity. */
  knownWords: Set<string>;
  /** The workflows' reference patterns ("TCK-1042"). */
  references: readonly ReferencePattern[];
  now: Date;
  timeZone: string;
}

export interface Extraction {
  entities: Entities;
  /** The words the intent classifier sees. */
  tokens: string[];
}

interface Scopes {
  mine: boolean;
  weakMine: boolean;
  all: boolean;
}

function sameWord(typed: string, expected: string, context: ExtractionContext): boolean {
  if (typed === expected) return true;
  if (context.knownWords.has(typed) || expected.length < 5) return false;
  const max = allowedEdits(Math.min(typed.length, expected.length));
  return max > 0 && editDistance(typed, expected, max) <= max;
}

function matchPhrase(tokens: string[], at: number, context: ExtractionContext): { length: number; meaning: PhraseMeaning; words: string[] } | undefined {
  for (const lexicon of context.lexicons) {
    for (const phrase of lexicon.phrases) {
      if (at + phrase.tokens.length > tokens.length) continue;
      if (phrase.tokens.every((word, k) => sameWord(tokens[at + k]!, word, context))) {
        return { length: phrase.tokens.length, meaning: phrase.meaning, words: phrase.tokens };
      }
    }
  }
  return undefined;
}

function monthOf(tokens: string[], at: number, context: ExtractionContext): number | undefined {
  const word = tokens[at]!;
  const [primary] = context.lexicons;
  for (const lexicon of context.lexicons) {
    const guard = lexicon.monthGuards.get(word);
    if (guard && (at === 0 || guard.has(tokens[at + 1] ?? ""))) return undefined;
  }
  const abbreviated = primary?.monthAbbreviations.get(word);
  if (abbreviated !== undefined) return abbreviated;
  for (const lexicon of context.allLexicons) {
    const exact = lexicon.monthNames.get(word);
    if (exact !== undefined) return exact;
  }
  if (word.length < 5 || context.knownWords.has(word)) return undefined;
  for (const lexicon of context.allLexicons) {
    for (const [name, month] of lexicon.monthNames) {
      if (name.length >= 5 && sameWord(word, name, context)) return month;
    }
  }
  return undefined;
}

function modifierOf(word: string | undefined, context: ExtractionContext): "next" | "previous" | undefined {
  if (word === undefined) return undefined;
  for (const lexicon of context.lexicons) {
    const modifier = lexicon.monthModifiers.get(word);
    if (modifier) return modifier;
  }
  return undefined;
}

function yearOf(word: string | undefined): number | undefined {
  return word !== undefined && /^(?:19|20)\d\d$/.test(word) ? Number(word) : undefined;
}

function isQuantity(next: string | undefined, context: ExtractionContext): boolean {
  return next !== undefined && context.lexicons.some((lexicon) => lexicon.quantityUnits.has(next));
}

function resolveScope(scopes: Scopes): Entities["scope"] {
  if (scopes.mine) return "mine";
  if (scopes.all) return "all";
  return scopes.weakMine ? "mine" : undefined;
}

export function extractEntities(tokens: string[], context: ExtractionContext): Extraction {
  const entities: Entities = {};
  const scopes: Scopes = { mine: false, weakMine: false, all: false };
  const out: string[] = [];
  const setMonth = (month: MonthEntity) => {
    entities.month ??= month;
  };
  let i = 0;
  while (i < tokens.length) {
    const word = tokens[i]!;
    const phrase = matchPhrase(tokens, i, context);
    if (phrase) {
      const { relativeMonth, range, scope } = phrase.meaning;
      if (relativeMonth !== undefined) setMonth(resolveRelativeMonth(relativeMonth, context.now, context.timeZone));
      if (range) entities.range ??= range;
      if (scope) scopes[scope satisfies ScopeValue] = true;
      out.push(...phrase.words);
      i += phrase.length;
      continue;
    }
    const month = monthOf(tokens, i, context);
    if (month !== undefined) {
      const year = yearOf(tokens[i + 1]);
      const modifier = modifierOf(tokens[i - 1], context) ?? modifierOf(tokens[i + 1], context);
      setMonth(resolveMonthName({ month, ...(modifier ? { modifier } : {}), ...(year ? { year } : {}) }, context.now, context.timeZone));
      out.push(MONTH_PLACEHOLDER);
      i += year === undefined ? 1 : 2;
      continue;
    }
    const named = patternFor(context.references, word);
    const prefixed = (named !== undefined || word === "#") && isNumber(tokens[i + 1] ?? "");
    const prefixedHash = named !== undefined && tokens[i + 1] === "#" && isNumber(tokens[i + 2] ?? "");
    const pattern = named ?? patternFor(context.references, undefined);
    if (pattern && (prefixed || prefixedHash || isNumber(word))) {
      const skip = prefixedHash ? 2 : prefixed ? 1 : 0;
      const digits = tokens[i + skip]!;
      const next = tokens[i + skip + 1];
      const isDay = !prefixed && !prefixedHash && next !== undefined && monthOf(tokens, i + 1, context) !== undefined;
      if (!isDay && !isQuantity(next, context)) {
        if (!hasReference(entities, context.references)) Object.assign(entities, referenceEntities(pattern, digits));
        out.push(REFERENCE_PLACEHOLDER);
        i += skip + 1;
        continue;
      }
    }
    out.push(word);
    i += 1;
  }
  const scope = resolveScope(scopes);
  if (scope) entities.scope = scope;
  return { entities, tokens: out };
}

/** Keeps the entities an intent declares it uses; "this month" is a month to one intent and a range of days to another. */
export function entitiesForIntent(entities: Entities, declared: readonly string[] | undefined): Entities {
  if (!declared) return entities;
  return Object.fromEntries(Object.entries(entities).filter(([key]) => declared.includes(key))) as Entities;
}
