// Better questions to suggest than the examples, keeping what the user already typed: the
// reference ("status ENG-1042", or the digits they gave) and the month of a billing window.
import { monthName } from "../../platform/bot/intents/suggestions";
import type { Entities, IntentName } from "../../platform/conversation/recognizer";
import type { Translator } from "../../platform/i18n/translator";

export function suggestEngagementQuestion(t: Translator, intent: IntentName, entities: Entities): string | undefined {
  const reference = entities.engagementReference ?? (entities.partialReference ? `ENG-${entities.partialReference}` : undefined);
  if (intent === "engagement.status" && reference) return t.t("conversation.suggest.status", { reference });
  if (intent === "billing.window" && entities.month) return t.t("conversation.suggest.billingWindow", { month: monthName(t, entities.month) });
  return undefined;
}
