// "What reminders do I have, and what did I mute?": what the outbox still holds for the asker
// and their mute and snooze choices, from the reminders' own store.
import { listUnsentForRecipient } from "../../store/outbox";
import { listReminderPreferences } from "../../store/reminder-preferences";
import type { TurnScope } from "../turn-scope";
import { bulletList } from "./suggestions";
import type { IntentHandler } from "./types";

/** How many queued reminders one answer lists. */
export const UPCOMING_LIMIT = 10;

function kindLabel(scope: TurnScope, kind: string): string {
  return scope.t.t(`conversation.reminders.kind.${kind}`);
}

export const reminderIntents: Record<string, IntentHandler> = {
  reminders: async (scope) => {
    const { db } = scope.services;
    const { id: organisationId } = scope.organisation;
    const { aadObjectId } = scope.actor;
    const [upcoming, preferences] = await Promise.all([
      listUnsentForRecipient(db, organisationId, { type: "user", aadObjectId }, UPCOMING_LIMIT),
      listReminderPreferences(db, organisationId, aadObjectId),
    ]);
    const silenced = preferences.filter((preference) => preference.muted || (preference.snoozedUntil && preference.snoozedUntil > scope.now));
    if (upcoming.length === 0 && silenced.length === 0) return { text: scope.t.t("conversation.reminders.nothing") };
    const sections: string[] = [];
    if (upcoming.length > 0) {
      const lines = upcoming.map((message) =>
        scope.t.t("conversation.reminders.upcomingLine", { kind: kindLabel(scope, message.kind), at: scope.t.formatDateTime(message.nextAttemptAt) }),
      );
      sections.push(`${scope.t.t("conversation.reminders.upcoming", { count: upcoming.length })}\n\n${bulletList(lines)}`);
    }
    if (silenced.length > 0) {
      const lines = silenced.map((preference) =>
        preference.muted
          ? scope.t.t("conversation.reminders.mutedLine", { kind: kindLabel(scope, preference.kind) })
          : scope.t.t("conversation.reminders.snoozedLine", { kind: kindLabel(scope, preference.kind), until: scope.t.formatDateTime(preference.snoozedUntil!) }),
      );
      sections.push(`${scope.t.t("conversation.reminders.silenced")}\n\n${bulletList(lines)}`);
    }
    return { text: sections.join("\n\n") };
  },
};
