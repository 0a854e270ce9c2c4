// Every intent the bot answers, merged from the features' tables; "none" and unknown intents
// get help with examples rather than a dead end.
import { engagementIntents } from "./engagements";
import type { IntentHandler } from "./types";

const help: IntentHandler = async (scope) => ({
  text: scope.t.t("common.help"),
  suggestions: [scope.t.t("common.welcome.example.pending"), scope.t.t("common.welcome.example.help")],
});

export const intentHandlers: Record<string, IntentHandler> = {
  ...engagementIntents,
  help,
};

export const fallbackIntent: IntentHandler = async (scope) => ({
  text: scope.t.t("common.notUnderstood"),
  suggestions: [scope.t.t("common.welcome.example.pending"), scope.t.t("common.welcome.example.help")],
});
