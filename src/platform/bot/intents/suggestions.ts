// Questions the bot suggests, in the reader's language: examples for help and "none", and the
// choices it offers when it must ask back. Each suggestion is a question the recognizer
// understands on its own when clicked (test/unit/conversation/suggestions.test.ts). The intents
// and their better suggestions come from the workflows (PlatformTables).
import type { Entities, IntentName } from "../../conversation/recognizer";
import type { PlatformTables } from "../../fold";
import { formatMonth } from "../../i18n/format";
import type { Translator } from "../../i18n/translator";

export function exampleQuestion(t: Translator, intent: IntentName): string {
  return t.t(`conversation.example.${intent}`);
}

/** "October 2025" in the reader's language, as the recognizer reads it back. */
export function monthName(t: Translator, month: { year: number; month: number }): string {
  return formatMonth(t.locale, `${month.year}-${String(month.month).padStart(2, "0")}`);
}

/** A question for `intent` that keeps what the user already said (the reference, the month). */
export function suggestionFor(tables: PlatformTables, t: Translator, intent: IntentName, entities: Entities): string {
  return tables.suggest(t, intent, entities) ?? exampleQuestion(t, intent);
}

export function bulletList(lines: readonly string[]): string {
  return lines.map((line) => `- ${line}`).join("\n");
}
