// What the bot understood from a message. A recognizer runs locally and offline; the
// interface leaves room for an LLM or a cloud recognizer behind the same call.
import type { Locale } from "../i18n/locale";

/** Intent names are data: a workflow adds its own without touching the recognizer's callers. */
export type IntentName = string;

export interface MonthEntity {
  year: number;
  /** 1-12 */
  month: number;
}

export interface Entities {
  /** A full record reference, normalised ("TCK-1042"), under the entity its workflow's pattern names (references.ts). */
  [reference: `${string}Reference`]: string | undefined;
  /** Digits the user typed that match part of a reference ("104"). */
  partialReference?: string;
  month?: MonthEntity;
  range?: "today" | "week" | "month";
  /** "mine"/"moi"/"saya" versus everyone's. */
  scope?: "mine" | "all";
}

export interface Recognition {
  intent: IntentName | "none";
  confidence: number;
  entities: Entities;
  /** The language the text is written in, when the recognizer could tell. */
  language?: Locale;
  /** Runner-up intents, for "did you mean...?" questions when the top score is unsure, each with the entities it would use. */
  alternatives?: { intent: IntentName; confidence: number; entities?: Entities }[];
}

export interface RecognitionContext {
  /** The Teams locale of the user, a hint for short or mixed messages. */
  locale: Locale;
  now: Date;
  timeZone: string;
}

export interface Recognizer {
  recognize(text: string, context: RecognitionContext): Recognition | Promise<Recognition>;
}
