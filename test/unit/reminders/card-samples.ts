// Representative renderings of the reminder cards for the card template test: a full digest
// (more items than a card shows), a team digest, notices, the overview and pages of the full list.
import type { AdaptiveCard } from "../../../src/platform/cards/render";
import type { Translator } from "../../../src/platform/i18n/translator";
import type { ReminderPayload } from "../../../src/platform/reminders/due-item";
import { digestCard, overviewCard } from "../../../src/platform/bot/views/reminders";
import { composeReminderMessages } from "../../../src/platform/bot/views/reminders";
import { reminderListCard } from "../../../src/platform/bot/views/reminder-list";
import type { OutboxMessage } from "../../../src/platform/store/outbox";

const pending = (i: number): ReminderPayload => ({
  kind: "engagement.pending-approval",
  threshold: "sla",
  deadlineAt: new Date(Date.UTC(2026, 10, 20, 9, i)).toISOString(),
  facts: { reference: `ENG-${1000 + i}`, client: "Fabrikam Industries, Lyon plant", title: "Managed backup and disaster recovery" },
  dates: { requestedAt: new Date(Date.UTC(2026, 10, 18, 9, i)).toISOString() },
  fix: { verb: "engagement.open", data: { engagementId: `eng-${i}` }, titleKey: "reminders.fix.review" },
});

const windowClosing = (threshold: string, i: number): ReminderPayload => ({
  kind: "billing.window-closing",
  threshold,
  deadlineAt: "2026-11-02T23:00:00.000Z",
  facts: { reference: `ENG-${2000 + i}`, client: "Tailspin Toys", month: "2026-10" },
  dates: { lastMoment: "2026-11-02T22:59:00.000Z", monthStart: "2026-09-30T22:00:00.000Z" },
  fix: { verb: "billing.form", data: { engagementId: `eng-b${i}` }, titleKey: "reminders.fix.add-entry" },
});

const unrated: ReminderPayload = {
  kind: "billing.unrated",
  threshold: "24h",
  deadlineAt: "2026-11-21T10:00:00.000Z",
  facts: { entry: "ENG-1042-B3", reference: "ENG-1042", client: "Fabrikam" },
  dates: { submittedAt: "2026-11-20T10:00:00.000Z" },
  fix: { verb: "engagement.open", data: { engagementId: "eng-1" }, titleKey: "reminders.fix.open" },
};

const reading = { now: new Date("2026-11-01T07:00:00Z"), organisationTimeZone: "Europe/Paris" };

const mixed = [
  ...Array.from({ length: 40 }, (_, i) => pending(i)),
  windowClosing("lastDay", 1),
  windowClosing("oneDay", 2),
  windowClosing("threeDays", 3),
  unrated,
];

function notice(t: Translator): AdaptiveCard[] {
  const row = {
    id: "row-1",
    organisationId: "org-1",
    dedupeKey: "rated-1",
    kind: "billing.rated",
    recipient: { type: "user", aadObjectId: "aad-1" },
    deadlineKey: "rated-1",
    threshold: "notification",
    state: "claimed",
    attempts: 1,
    nextAttemptAt: new Date(),
    payload: { messageKey: "reminders.notice.title", open: { verb: "engagement.open", data: { engagementId: "eng-1" }, titleKey: "reminders.fix.open" } },
  } satisfies OutboxMessage;
  const audience = {
    organisation: { id: "org-1", tenantId: "t", name: "Contoso", timeZone: "Europe/Paris" },
    recipient: row.recipient,
    conversation: {
      id: "c",
      organisationId: "org-1",
      tenantId: "t",
      conversationId: "a:1",
      kind: "personal",
      serviceUrl: "http://x/",
      reference: {},
      locale: t.locale,
    },
  } as const;
  return composeReminderMessages(audience, [row], new Date("2026-11-02T08:00:00Z")).map(
    (m) => (m.activity.attachments as { content: AdaptiveCard }[])[0]?.content as AdaptiveCard,
  );
}

export const reminderSamples: Record<string, (t: Translator) => AdaptiveCard[]> = {
  "reminder-digest": (t) => [digestCard(t, mixed, { team: false }, reading), digestCard(t, [unrated], { team: true }, reading)],
  "reminder-notice": notice,
  "reminder-overview": (t) => [
    overviewCard(t, {
      due: mixed,
      preferences: [
        { kind: "billing.unrated", muted: true },
        { kind: "engagement.pending-approval", muted: false, snoozedUntil: new Date("2026-11-26T10:00:00Z") },
      ],
      now: new Date("2026-11-25T10:00:00Z"),
      organisationTimeZone: "Europe/Paris",
      notice: t.t("reminders.unmuted", { kindName: "x" }),
    }),
    overviewCard(t, { due: [], preferences: [], now: new Date("2026-11-25T10:00:00Z"), organisationTimeZone: "Europe/Paris" }),
  ],
  "reminder-list": (t) => [
    reminderListCard(t, mixed, 0, { now: new Date("2026-11-25T10:00:00Z"), organisationTimeZone: "Europe/Paris" }),
    reminderListCard(t, mixed, 20, { now: new Date("2026-11-25T10:00:00Z"), organisationTimeZone: "Europe/Paris" }),
    reminderListCard(t, [], 0, { now: new Date("2026-11-25T10:00:00Z"), organisationTimeZone: "Europe/Paris" }),
  ],
};
