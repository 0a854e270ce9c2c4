// Reminder cards: the digest one recipient gets per run, one-off notices, and the overview a
// user sees when asking "reminders". Every string is resolved from the catalog here, in the
// reader's language and zone, before templating.
import { type AdaptiveCard, cardAttachment, largestFittingCard, renderCard } from "../../cards/render";
import { formatMonth } from "../../i18n/format";
import { resolveLocale } from "../../i18n/locale";
import { type Translator, translator } from "../../i18n/translator";
import { organisationMoment } from "../../i18n/organisation-time";
import type { ComposedMessage, ComposeMessages, DeliveryAudience } from "../../reminders/deliverer";
import type { ReminderPayload } from "../../reminders/due-item";
import { renderNotification } from "../../reminders/notifications";
import { NOTIFICATION_THRESHOLD, type OutboxMessage } from "../../store/outbox";
import type { ReminderPreference } from "../../store/reminder-preferences";

/** Items a digest shows at most; fewer when their texts are long, so the card stays in budget. */
export const DIGEST_ITEM_LIMIT = 25;
/** The card verb that opens the full list, and where it starts. */
export const FULL_LIST_VERB = "reminders.list";

interface ItemView {
  text: string;
  heading: string;
  hasFix: boolean;
  fixTitle?: string;
  fixVerb?: string;
  fixData?: Record<string, string | number>;
}

export function kindName(t: Translator, kind: string): string {
  return t.t(`reminders.kind.${kind}`);
}

/** When a reminder is read, and the zone its deadline rules hold in: "tomorrow" and "your organisation's time" depend on both. */
export interface ReadingContext {
  now: Date;
  organisationTimeZone: string;
}

/**
 * Each date of a reminder as ICU values: `<name>` itself, `<name>Day` (today, tomorrow or
 * other, on the reader's calendar), and `<name>Zones` with `<name>InOrganisation` for saying
 * it in the organisation's zone too when the reader's clock reads otherwise.
 */
function dateValues(t: Translator, dates: Record<string, string>, reading: ReadingContext): Record<string, Date | string> {
  const values: Record<string, Date | string> = {};
  for (const [name, iso] of Object.entries(dates)) {
    const at = new Date(iso);
    const moment = organisationMoment(t, at, reading.organisationTimeZone);
    values[name] = at;
    values[`${name}Day`] = t.dayFromNow(at, reading.now);
    values[`${name}Zones`] = moment.zones;
    values[`${name}InOrganisation`] = moment.inOrganisation;
  }
  return values;
}

export function reminderItemView(t: Translator, item: ReminderPayload, reading: ReadingContext): ItemView {
  const monthName = typeof item.facts.month === "string" ? formatMonth(t.locale, item.facts.month) : "";
  return {
    text: t.t(`reminders.item.${item.kind}`, { ...item.facts, ...dateValues(t, item.dates, reading), monthName }),
    heading: kindName(t, item.kind),
    hasFix: item.fix !== undefined,
    ...(item.fix ? { fixTitle: t.t(item.fix.titleKey), fixVerb: item.fix.verb, fixData: item.fix.data } : {}),
  };
}

/** Most urgent first: the deadline nearest in time. */
export function byUrgency(items: readonly ReminderPayload[]): ReminderPayload[] {
  return [...items].sort((a, b) => a.deadlineAt.localeCompare(b.deadlineAt));
}

/**
 * One person's (or a team's) digest: the most urgent items, as many as fit in the card, then
 * the rest counted by kind ("…and 1,480 more: 1,200 of one kind, 280 of another")
 * with a button that opens the full list.
 */
export function digestCard(t: Translator, items: readonly ReminderPayload[], audience: { team: boolean }, reading: ReadingContext): AdaptiveCard {
  const sorted = byUrgency(items);
  return largestFittingCard(Math.min(DIGEST_ITEM_LIMIT, sorted.length), (count) => {
    const shown = sorted.slice(0, count);
    const kinds = [...new Set(shown.map((item) => item.kind))];
    return renderCard("reminder-digest", {
      title: t.t(audience.team ? "reminders.digest.teamTitle" : "reminders.digest.title"),
      intro: t.t("reminders.digest.intro", { count: sorted.length }),
      groups: kinds.map((kind) => ({
        kind,
        heading: kindName(t, kind),
        items: shown.filter((item) => item.kind === kind).map((item) => reminderItemView(t, item, reading)),
        // Snooze and mute are per person: a channel's digest is everyone's, so it offers neither.
        showPreferences: !audience.team,
        snoozeTitle: t.t("reminders.snooze"),
        muteTitle: t.t("reminders.mute"),
      })),
      ...restOf(t, sorted.slice(count)),
    });
  });
}

/** What a card says of the items it leaves out, and the button to the full list. */
function restOf(t: Translator, rest: readonly ReminderPayload[]): { more: string; fullListTitle: string; fullListVerb: string } {
  return { more: moreByKind(t, rest), fullListTitle: t.t("reminders.list.open"), fullListVerb: FULL_LIST_VERB };
}

/** "…and 1,480 more: 1,200 of one kind, 280 of another", the largest kinds first; empty when nothing is left out. */
function moreByKind(t: Translator, rest: readonly ReminderPayload[]): string {
  if (rest.length === 0) return "";
  const counts = new Map<string, number>();
  for (const item of rest) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([kind, count]) => t.t(`reminders.count.${kind}`, { count }));
  const breakdown = new Intl.ListFormat(t.locale, { style: "long", type: "unit" }).format(parts);
  return t.t("reminders.digest.moreByKind", { count: rest.length, breakdown });
}

export function overviewCard(
  t: Translator,
  view: { due: readonly ReminderPayload[]; preferences: readonly ReminderPreference[]; now: Date; organisationTimeZone: string; notice?: string },
): AdaptiveCard {
  const reading = { now: view.now, organisationTimeZone: view.organisationTimeZone };
  const due = byUrgency(view.due);
  const quiet = view.preferences.filter((p) => p.muted || (p.snoozedUntil && p.snoozedUntil > view.now));
  return largestFittingCard(Math.min(DIGEST_ITEM_LIMIT, due.length), (count) =>
    renderCard("reminder-overview", {
      title: t.t("reminders.overview.title"),
      notice: view.notice ?? "",
      dueTitle: t.t("reminders.overview.dueTitle"),
      noneDue: t.t("reminders.overview.none"),
      due: due.slice(0, count).map((item) => reminderItemView(t, item, reading)),
      ...restOf(t, due.slice(count)),
      mutedTitle: t.t("reminders.overview.mutedTitle"),
      noneMuted: t.t("reminders.overview.noneMuted"),
      muted: quiet.map((p) => ({
        kind: p.kind,
        unmuteTitle: t.t("reminders.unmute"),
        text: p.muted
          ? t.t("reminders.overview.mutedItem", { kindName: kindName(t, p.kind) })
          : t.t("reminders.overview.snoozedItem", snoozedValues(t, kindName(t, p.kind), p.snoozedUntil as Date, view.now)),
      })),
      schedule: t.t("reminders.overview.schedule"),
    }),
  );
}

/** The values of "snoozed until tomorrow at 9:17 AM", in the reader's zone. */
export function snoozedValues(t: Translator, kindName: string, until: Date, now: Date): Record<string, string | Date> {
  return { kindName, until, untilDay: t.dayFromNow(until, now) };
}

/** The reader of a stored conversation: a personal chat's zone is its user's own; a channel's readers have none in common. */
function readerOf(conversation: DeliveryAudience["conversation"], organisation: DeliveryAudience["organisation"]): Translator {
  const locale = resolveLocale(conversation.locale);
  return conversation.kind === "personal" && conversation.timeZone
    ? translator(locale, conversation.timeZone, "reader")
    : translator(locale, organisation.timeZone, "organisation");
}

/** The deliverer's composer: one digest of the recipient's reminders, one card per notification. */
export const composeReminderMessages: ComposeMessages = (audience, rows, now) => {
  const { conversation, organisation } = audience;
  const t = readerOf(conversation, organisation);
  const reminders = rows.filter((row) => row.threshold !== NOTIFICATION_THRESHOLD && isReminderPayload(row.payload));
  const messages: ComposedMessage[] = [];
  if (reminders.length > 0) {
    const card = digestCard(
      t,
      reminders.map((row) => row.payload as ReminderPayload),
      { team: conversation.kind !== "personal" },
      {
        now,
        organisationTimeZone: organisation.timeZone,
      },
    );
    messages.push({ activity: cardActivity(card), messageIds: reminders.map((row) => row.id) });
  }
  for (const row of rows.filter((r) => r.threshold === NOTIFICATION_THRESHOLD)) {
    const notice = noticeCard(t, row);
    if (notice) messages.push({ activity: cardActivity(notice), messageIds: [row.id] });
  }
  return messages;
};

function noticeCard(t: Translator, row: OutboxMessage): AdaptiveCard | undefined {
  const view = renderNotification(row.kind, row.payload, t);
  if (!view) return undefined;
  return renderCard("reminder-notice", {
    title: view.title,
    text: view.text,
    hasOpen: view.open !== undefined,
    openTitle: view.open?.title ?? "",
    openVerb: view.open?.verb ?? "",
    openData: view.open?.data ?? {},
  });
}

function cardActivity(card: AdaptiveCard): Record<string, unknown> {
  return { type: "message", attachments: [cardAttachment(card)] };
}

function isReminderPayload(payload: unknown): payload is ReminderPayload {
  const p = payload as Partial<ReminderPayload> | null;
  return typeof p?.kind === "string" && typeof p.deadlineAt === "string" && typeof p.facts === "object" && typeof p.dates === "object";
}
