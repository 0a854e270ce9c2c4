// "Anything due today / this week / this month?": the deadlines the organisation faces in that
// range, from the same rules the reminders use, asked of every workflow's deadline sources.
// Past-due ones come first.
import type { Entities } from "../../conversation/recognizer";
import type { DueItem, UpcomingDeadline } from "../../reminders/due-item";
import { reminderSettings } from "../../reminders/settings";
import { reminderSettingsFor } from "../../team/settings";
import { wallClock, zonedMidnight, zonedTimeToUtc } from "../../domain/zoned-time";
import type { TurnScope } from "../turn-scope";
import { bulletList } from "./suggestions";
import type { IntentHandler } from "./types";

/** How many deadlines one answer lists; the count says how many there are in all. */
export const DEADLINES_LIMIT = 10;
const DAY_MS = 86_400_000;

type Range = NonNullable<Entities["range"]>;

/** The end of the asked range: tonight's midnight, seven days from now, or the month's end, in the organisation's zone. */
export function rangeEnd(range: Range, now: Date, timeZone: string): Date {
  const today = wallClock(now, timeZone);
  if (range === "week") return new Date(now.getTime() + 7 * DAY_MS);
  if (range === "today") {
    // Tomorrow by the calendar, not now + 24 h: a 25-hour autumn day would end at its own start.
    const tomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
    return zonedMidnight({ year: tomorrow.getUTCFullYear(), month: tomorrow.getUTCMonth() + 1, day: tomorrow.getUTCDate() }, timeZone);
  }
  const next = today.month === 12 ? { year: today.year + 1, month: 1 } : { year: today.year, month: today.month + 1 };
  return zonedTimeToUtc({ ...next, day: 1, hour: 0, minute: 0 }, timeZone);
}

function sourceLine(scope: TurnScope, item: DueItem): UpcomingDeadline {
  const past = item.deadlineAt <= scope.now ? "yes" : "no";
  return { at: item.deadlineAt, line: scope.t.t(`conversation.deadlines.${item.kind}`, { ...item.facts, at: scope.t.formatDateTime(item.deadlineAt), past }) };
}

/** Every workflow's deadlines reached by `until`, soonest (and past-due) first. */
async function deadlinesUntil(scope: TurnScope, until: Date): Promise<UpcomingDeadline[]> {
  const { db, config, tables } = scope.services;
  const settings = reminderSettingsFor(reminderSettings(config), scope.organisation);
  const deadlines: UpcomingDeadline[] = [];
  for (const source of tables.deadlineSources) {
    if (source.upcoming) deadlines.push(...(await source.upcoming(db, scope.organisation, { now: scope.now, until }, settings, scope.t)));
    // Asked "as of" the range's end, a source lists every deadline reached by then.
    else for (const item of await source.due(db, scope.organisation, until, settings)) deadlines.push(sourceLine(scope, item));
  }
  return deadlines.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export const deadlineIntents: Record<string, IntentHandler> = {
  deadlines: async (scope, recognition) => {
    const range: Range = recognition.entities.range ?? "week";
    const deadlines = await deadlinesUntil(scope, rangeEnd(range, scope.now, scope.organisation.timeZone));
    if (deadlines.length === 0) return { text: scope.t.t("conversation.deadlines.none", { range }) };
    const shown = deadlines.slice(0, DEADLINES_LIMIT);
    const intro = scope.t.t("conversation.deadlines.intro", { range, count: deadlines.length, shown: shown.length });
    return { text: `${intro}\n\n${bulletList(shown.map((deadline) => deadline.line))}` };
  },
};
