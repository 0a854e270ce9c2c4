// Plain-words questions about the team: "my role", "who are the admins", "team" (the members'
// card for an admin, the reader's own role and the admins for anyone else), and "I need
// the billing role" (the form to ask, the role already chosen when the words name one).
import type { IntentHandler } from "../bot/intents/types";
import { roleNamedIn } from "./rules";
import { askCard, teamOverview } from "./actions";

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFC")
    .split(/[^\p{L}-]+/u)
    .filter(Boolean);

export const teamIntents: Record<string, IntentHandler> = {
  "team.show": async (scope) => {
    const outcome = await teamOverview(scope);
    return "card" in outcome ? { card: outcome.card } : { text: outcome.message };
  },
  "team.requestRole": async (scope, _recognition, text) => {
    const role = roleNamedIn(wordsOf(text));
    return { card: await askCard(scope, role ? { askedRole: role } : {}) };
  },
};
