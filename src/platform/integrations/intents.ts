// "API keys", "webhooks", "the vendor integration": the admin's card of keys and endpoints;
// anyone else is told that the organisation's admins manage it.
import type { IntentHandler } from "../bot/intents/types";
import { integrationsOverview } from "./actions";

export const integrationIntents: Record<string, IntentHandler> = {
  "integrations.show": async (scope) => {
    const outcome = await integrationsOverview(scope);
    return "card" in outcome ? { card: outcome.card } : { text: outcome.message };
  },
};
