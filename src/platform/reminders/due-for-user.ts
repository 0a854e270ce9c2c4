// What is due for one person right now, across every workflow's deadline sources: the
// "reminders" and "what needs me?" answer, the one inbox across vendors. The same sources as the digest, filtered to the asker's role and id.
import type { Actor } from "../domain/roles";
import type { DbTx } from "../store/db";
import type { Organisation } from "../store/organisations";
import { type DeadlineSource, type ReminderPayload, toPayload } from "./due-item";
import type { ReminderSettings } from "./settings";
import { reminderSettingsFor } from "../team/settings";

export async function dueForUser(
  db: DbTx,
  organisation: Organisation,
  actor: Actor,
  now: Date,
  settings: ReminderSettings,
  sources: readonly DeadlineSource[],
): Promise<ReminderPayload[]> {
  const due: ReminderPayload[] = [];
  for (const source of sources) {
    for (const item of await source.due(db, organisation, now, reminderSettingsFor(settings, organisation))) {
      const mine = item.recipients.roles?.includes(actor.role) || item.recipients.aadObjectIds?.includes(actor.aadObjectId);
      if (mine) due.push(toPayload(item));
    }
  }
  return due.sort((a, b) => a.deadlineAt.localeCompare(b.deadlineAt));
}
