// "What is coming, and what did I mute?": the reminders overview card, the same one the
// reminder actions (snooze, mute, unmute) answer with.
import { reminderOverview } from "../actions/reminders";
import type { IntentHandler } from "./types";

export const reminderIntents: Record<string, IntentHandler> = {
  reminders: async (scope) => ({ card: await reminderOverview(scope) }),
};
