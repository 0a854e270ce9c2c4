// Questions the bot suggests, in the reader's language: examples for help and "none", and the
// choices it offers when it must ask back. Each suggestion is a question the recognizer
// understands on its own when clicked (test/unit/conversation/suggestions.test.ts).
import type { Entities, IntentName } from "../../conversation/recognizer";
import { formatMonth } from "../../i18n/format";
import type { Translator } from "../../i18n/translator";

/** The intents help lists, in the order a newcomer needs them. */
export const EXAMPLE_INTENTS = [
  "approvals.pending",
  "engagement.status",
  "deadlines",
  "billing.window",
  "billing.awaitingRating",
  "reminders",
] as const;

export function exampleQuestion(t: Translator, intent: IntentName): string {
  return t.t(`conversation.example.${intent}`);
}

/** "October 2025" in the reader's language, as the recognizer reads it back. */
export function monthName(t: Translator, month: { year: number; month: number }): string {
  return formatMonth(t.locale, `${month.year}-${String(month.month).padStart(2, "0")}`);
}

/** A question for `intent` that keeps what the user already said (the reference, the month). */
export function suggestionFor(t: Translator, intent: IntentName, entities: Entities): string {
  const reference = entities.engagementReference ?? (entities.partialReference ? `ENG-${entities.partialReference}` : undefined);
  if (intent === "engagement.status" && reference) return t.t("conversation.suggest.status", { reference });
  if (intent === "billing.window" && entities.month) return t.t("conversation.suggest.billingWindow", { month: monthName(t, entities.month) });
  return exampleQuestion(t, intent);
}

export function bulletList(lines: readonly string[]): string {
  return lines.map((line) => `- ${line}`).join("\n");
}
