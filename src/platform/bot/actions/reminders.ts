// Card actions on reminders: snooze a kind for a day, mute it, unmute it, and page through the
// full list of what is due. Preferences and the list belong to the person clicking (resolved
// on the server), never to whoever the card was sent to.
import { z } from "zod";
import { dueForUser } from "../../reminders/due-for-user";
import { reminderSettings } from "../../reminders/settings";
import { listReminderPreferences, muteReminders, snoozeReminders, unmuteReminders } from "../../store/reminder-preferences";
import type { TurnScope } from "../turn-scope";
import { reminderListCard } from "../views/reminder-list";
import { kindName, overviewCard, snoozedValues } from "../views/reminders";
import { type ActionOutcome, type ActionScope, defineAction } from "./types";

const SNOOZE_MS = 24 * 60 * 60 * 1000;

/** A reminder kind of one of the folded deadline sources; checked against the table in each handler. */
const ZReminderKindSchema = z.object({ kind: z.string().min(1).max(100) });
/** Where the page starts in the list, most urgent first; the card sends it back as it was given. */
const ZReminderListSchema = z.object({ offset: z.coerce.number().int().min(0).max(1_000_000).default(0) });

function target(scope: ActionScope, kind: string) {
  return { organisationId: scope.organisation.id, aadObjectId: scope.actor.aadObjectId, kind };
}

export async function reminderOverview(scope: TurnScope, notice?: string) {
  const { db, config } = scope.services;
  const [due, preferences] = await Promise.all([
    dueForUser(db, scope.organisation, scope.actor, scope.now, reminderSettings(config), scope.services.tables.deadlineSources),
    listReminderPreferences(db, scope.organisation.id, scope.actor.aadObjectId),
  ]);
  return overviewCard(scope.t, { due, preferences, now: scope.now, organisationTimeZone: scope.organisation.timeZone, ...(notice ? { notice } : {}) });
}

/** A page of everything due for the clicker now, re-read from the records with their role. */
async function fullList(scope: ActionScope, { offset }: z.infer<typeof ZReminderListSchema>): Promise<ActionOutcome> {
  const due = await dueForUser(
    scope.services.db,
    scope.organisation,
    scope.actor,
    scope.now,
    reminderSettings(scope.services.config),
    scope.services.tables.deadlineSources,
  );
  return { card: reminderListCard(scope.t, due, offset, { now: scope.now, organisationTimeZone: scope.organisation.timeZone }) };
}

async function snooze(scope: ActionScope, { kind }: z.infer<typeof ZReminderKindSchema>): Promise<ActionOutcome> {
  const until = new Date(scope.now.getTime() + SNOOZE_MS);
  await snoozeReminders(scope.services.db, target(scope, kind), until);
  return { message: scope.t.t("reminders.snoozed", snoozedValues(scope.t, kindName(scope.t, kind), until, scope.now)) };
}

async function mute(scope: ActionScope, { kind }: z.infer<typeof ZReminderKindSchema>): Promise<ActionOutcome> {
  await muteReminders(scope.services.db, target(scope, kind));
  return { message: scope.t.t("reminders.muted", { kindName: kindName(scope.t, kind) }) };
}

async function unmute(scope: ActionScope, { kind }: z.infer<typeof ZReminderKindSchema>): Promise<ActionOutcome> {
  await unmuteReminders(scope.services.db, target(scope, kind));
  return { card: await reminderOverview(scope, scope.t.t("reminders.unmuted", { kindName: kindName(scope.t, kind) })) };
}

type KindHandler = (scope: ActionScope, data: z.infer<typeof ZReminderKindSchema>) => Promise<ActionOutcome>;

/** A kind no folded deadline source declares changes nothing, whatever the card sent. */
function ofKnownKind(handle: KindHandler): KindHandler {
  return async (scope, data) => {
    const known = scope.services.tables.deadlineSources.some((source) => source.kind === data.kind);
    return known ? handle(scope, data) : { message: scope.t.t("refusal.invalid_input", { details: "kind" }) };
  };
}

export const reminderActions = {
  "reminders.snooze": defineAction(ZReminderKindSchema, true, ofKnownKind(snooze)),
  "reminders.mute": defineAction(ZReminderKindSchema, true, ofKnownKind(mute)),
  "reminders.unmute": defineAction(ZReminderKindSchema, true, ofKnownKind(unmute)),
  "reminders.list": defineAction(ZReminderListSchema, false, fullList),
};
