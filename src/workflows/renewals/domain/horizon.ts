// When a renewal is due and who hears of it (DOMAIN.md section 5, "Deadlines"): a line item is
// due on its end date and lapses at the local midnight that ends that day, in the organisation's
// zone; it enters the 180-day horizon at the local midnight that starts the day 180 days before.
// Items not yet quoted are reminded 180, 90, 60 and 30 days before their end date, each stage
// once, to the account's owner or, when the account has none, to the billing users.
import { zonedMidnight } from "../../../platform/domain/zoned-time";
import { addDays, type CalendarDate, daysBetween, dayOf, todayIn } from "./calendar-dates";
import type { RenewalLineItem } from "./line-items";
import { renewalPermissions } from "./permissions";

export const RENEWAL_HORIZON_DAYS = 180;
/** Reminder stages, in days before the end date, earliest first. */
export const REMINDER_STAGES = [180, 90, 60, 30] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

/** Days from the organisation's today to the end date: 0 on the end date, negative once lapsed. */
export function daysUntilDue(item: Pick<RenewalLineItem, "endDate">, timeZone: string, now: Date): number {
  return daysBetween(todayIn(timeZone, now), item.endDate);
}

/** The first instant at which the item is no longer renewable in time: midnight after its end date. */
export function lapsesAt(item: Pick<RenewalLineItem, "endDate">, timeZone: string): Date {
  return zonedMidnight(dayOf(addDays(item.endDate, 1)), timeZone);
}

/** When a stage's reminder is due: the local midnight that starts the day `stage` days before the end. */
export function stageStartsAt(endDate: CalendarDate, stage: number, timeZone: string): Date {
  return zonedMidnight(dayOf(addDays(endDate, -stage)), timeZone);
}

export function isWithinHorizon(item: Pick<RenewalLineItem, "endDate">, timeZone: string, now: Date): boolean {
  const days = daysUntilDue(item, timeZone, now);
  return days >= 0 && days <= RENEWAL_HORIZON_DAYS;
}

/**
 * The reminder stage an item is in at `now`: the nearest stage whose day has come. An item first
 * seen 45 days before its end is in the 60-day stage (one reminder now, not three). Quoted,
 * renewed, lost and lapsed items are in none.
 */
export function reminderStage(item: Pick<RenewalLineItem, "endDate" | "state">, timeZone: string, now: Date): ReminderStage | undefined {
  if (item.state !== "open") return undefined;
  const days = daysUntilDue(item, timeZone, now);
  if (days < 0) return undefined;
  return [...REMINDER_STAGES].reverse().find((stage) => days <= stage);
}

/** One reminder per item and stage, whoever runs the reminders and however often. */
export function reminderKey(item: Pick<RenewalLineItem, "id">, stage: ReminderStage): string {
  return `renewal:${item.id}:${stage}`;
}

export type RenewalRecipients = { kind: "owner"; userId: string } | { kind: "roles"; roles: readonly string[] };

export function reminderRecipients(item: Pick<RenewalLineItem, "ownerUserId">): RenewalRecipients {
  if (item.ownerUserId) return { kind: "owner", userId: item.ownerUserId };
  return { kind: "roles", roles: renewalPermissions.grants["renewal.manage"] };
}

export interface RenewalReminder {
  key: string;
  stage: ReminderStage;
  itemId: string;
  dueAt: Date;
  lapsesAt: Date;
  recipients: RenewalRecipients;
}

/** The reminder an item is owed at `now`, if any; the reminder run sends each key once. */
export function renewalReminder(item: RenewalLineItem, timeZone: string, now: Date): RenewalReminder | undefined {
  const stage = reminderStage(item, timeZone, now);
  if (stage === undefined) return undefined;
  return {
    key: reminderKey(item, stage),
    stage,
    itemId: item.id,
    dueAt: stageStartsAt(item.endDate, stage, timeZone),
    lapsesAt: lapsesAt(item, timeZone),
    recipients: reminderRecipients(item),
  };
}
