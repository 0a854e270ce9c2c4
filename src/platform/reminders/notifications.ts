// One-off notifications through the outbox ("your entry was rated"): how each kind
// reads. A workflow enqueues with `enqueueNotification` (src/store/outbox.ts) and a payload of
// the generic shape below, its words in its own catalog; a kind needing more registers a
// renderer here. The stored payload holds facts, not words: a month, an amount or a day is a
// typed value, formatted at delivery in the recipient's language and zone.
import { z } from "zod";
import { DECIMAL_PATTERN, formatLocalizedValue, type LocalizedValue, MONTH_PATTERN } from "../i18n/format";
import type { Translator } from "../i18n/translator";

const ZLocalizedValueSchema: z.ZodType<LocalizedValue> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("month"), month: z.string().regex(MONTH_PATTERN) }),
  z.object({ type: z.literal("money"), amount: z.string().regex(DECIMAL_PATTERN), currency: z.string().regex(/^[A-Z]{3}$/) }),
  z.object({ type: z.literal("date"), at: z.iso.datetime({ offset: true }) }),
]);

export const ZNotificationPayloadSchema = z.object({
  /** Catalog key of the message body, e.g. "<workflow>.notification.<kind>". */
  messageKey: z.string().min(1),
  values: z.record(z.string(), z.union([z.string(), z.number(), ZLocalizedValueSchema])).default({}),
  /** Catalog key of the title; "reminders.notice.title" when absent. */
  titleKey: z.string().min(1).optional(),
  /** A card action that opens the record the notification is about. */
  open: z.object({ verb: z.string().min(1), data: z.record(z.string(), z.union([z.string(), z.number()])), titleKey: z.string().min(1) }).optional(),
});
export type TNotificationPayload = z.infer<typeof ZNotificationPayloadSchema>;

export interface NotificationView {
  title: string;
  text: string;
  open?: { verb: string; data: Record<string, string | number>; title: string };
}

type NotificationRenderer = (payload: unknown, t: Translator) => NotificationView | undefined;

const genericRenderer: NotificationRenderer = (payload, t) => {
  const parsed = ZNotificationPayloadSchema.safeParse(payload);
  if (!parsed.success) return undefined;
  const { messageKey, values, titleKey, open } = parsed.data;
  return {
    title: t.t(titleKey ?? "reminders.notice.title"),
    text: t.t(messageKey, readerValues(t, values)),
    ...(open ? { open: { verb: open.verb, data: open.data, title: t.t(open.titleKey) } } : {}),
  };
};

function readerValues(t: Translator, values: TNotificationPayload["values"]): Record<string, string | number> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === "object" ? formatLocalizedValue(t, value) : value]));
}

/** Kinds with their own renderer; every other kind uses the generic payload. */
const RENDERERS: Record<string, NotificationRenderer> = {};

/** How the notification reads to this reader, or undefined if its payload cannot be shown. */
export function renderNotification(kind: string, payload: unknown, t: Translator): NotificationView | undefined {
  return (RENDERERS[kind] ?? genericRenderer)(payload, t);
}
