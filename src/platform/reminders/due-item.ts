// What a deadline source says is due: one deadline, its current threshold, who should hear
// about it, and what the reminder card needs to show it and offer its fix in one click.
import type { Role } from "../domain/roles";
import type { Organisation } from "../store/organisations";
import type { DbTx } from "../store/db";
import type { ReminderSettings } from "./settings";
import type { Translator } from "../i18n/translator";

export interface RecipientSpec {
  roles?: readonly Role[];
  aadObjectIds?: readonly string[];
}

/** The card action that fixes the item: an existing card verb and its data. */
export interface ReminderFix {
  verb: string;
  data: Record<string, string | number>;
  /** Catalog key of the button title. */
  titleKey: string;
}

export interface DueItem {
  kind: string;
  /** Stable across runs: the same deadline planned again maps to the same outbox row. */
  deadlineKey: string;
  /** Which reminder of the deadline this is ("threeDays", "oneDay", "lastDay"): each is sent once. */
  threshold: string;
  deadlineAt: Date;
  recipients: RecipientSpec;
  /** ICU values for the item's catalog message "reminders.item.<kind>". */
  facts: Record<string, string | number>;
  /** Instants shown in the reader's zone and language, as ICU values of the same message. */
  dates: Record<string, Date>;
  fix?: ReminderFix;
}

/** What an outbox row of a reminder keeps, serialized, for the digest card. */
export interface ReminderPayload {
  kind: string;
  threshold: string;
  deadlineAt: string;
  facts: Record<string, string | number>;
  dates: Record<string, string>;
  fix?: ReminderFix;
}

/** One line of the "anything due this week?" answer. */
export interface UpcomingDeadline {
  at: Date;
  line: string;
}

export interface DeadlineSource {
  kind: string;
  due(db: DbTx, organisation: Organisation, now: Date, settings: ReminderSettings): Promise<DueItem[]>;
  /**
   * The deadlines reached by `until`, for the "anything due?" question, when they read better
   * grouped than item by item (one line per month rather than per record). Without
   * it the question lists what `due` returns as of `until`, each with its catalog message
   * `conversation.deadlines.<kind>`.
   */
  upcoming?(db: DbTx, organisation: Organisation, range: { now: Date; until: Date }, settings: ReminderSettings, t: Translator): Promise<UpcomingDeadline[]>;
}

export function toPayload(item: DueItem): ReminderPayload {
  return {
    kind: item.kind,
    threshold: item.threshold,
    deadlineAt: item.deadlineAt.toISOString(),
    facts: item.facts,
    dates: Object.fromEntries(Object.entries(item.dates).map(([name, date]) => [name, date.toISOString()])),
    ...(item.fix ? { fix: item.fix } : {}),
  };
}

/** The latest threshold already reached at `now`, while the deadline still lies ahead (or has no end). */
export function currentThreshold(thresholds: readonly { name: string; at: Date }[], now: Date, endsAt?: Date): string | undefined {
  if (endsAt && now.getTime() >= endsAt.getTime()) return undefined;
  let current: string | undefined;
  for (const threshold of [...thresholds].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (threshold.at.getTime() <= now.getTime()) current = threshold.name;
  }
  return current;
}
