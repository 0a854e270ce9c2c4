// Every intent the bot answers, merged from the features' tables. A hesitant recognition is
// answered with a question back, and "none" or an unknown intent with examples: never a dead end.
import { billingIntents } from "../../../workflows/engagements/intents/billing";
import { deadlineIntents } from "./deadlines";
import { engagementIntents } from "../../../workflows/engagements/intents/engagements";
import { askBack, help, none } from "./help";
import { reminderIntents } from "./reminders";
import type { IntentHandler } from "./types";

/** Answers with choices when the recognizer could not tell two intents apart, else runs the handler. */
function unlessAmbiguous(handler: IntentHandler): IntentHandler {
  return async (scope, recognition, text) => askBack(scope, recognition) ?? handler(scope, recognition, text);
}

const handlers: Record<string, IntentHandler> = {
  ...engagementIntents,
  ...billingIntents,
  ...deadlineIntents,
  ...reminderIntents,
  help,
};

export const intentHandlers: Record<string, IntentHandler> = Object.fromEntries(
  Object.entries(handlers).map(([intent, handler]) => [intent, unlessAmbiguous(handler)]),
);

export const fallbackIntent: IntentHandler = none;
