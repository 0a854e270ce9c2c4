// The card everyone else in a group chat or channel sees after a click: the original message
// updated with the decision. The update is an outbox row written before the clicker is
// answered, so it survives a restart and a connector that is down; it is tried at once, after
// the answer, and otherwise by the outbox's deliverer on its next runs, with its retries and
// lease. Updating a message to the same card twice is harmless, so a row tried at once and
// claimed by a deliverer meanwhile costs one extra update at most, never a wrong card.
import { z } from "zod";
import type { AdaptiveCard } from "../cards/render";
import type { Db } from "../store/db";
import { insertOutboxMessage, NOTIFICATION_THRESHOLD } from "../store/outbox";

export const SHARED_CARD_KIND = "card.update";

export const ZSharedCardPayloadSchema = z.object({
  reference: z.record(z.string(), z.unknown()),
  activityId: z.string().min(1),
  card: z.record(z.string(), z.unknown()),
});

export type SharedCardPayload = z.infer<typeof ZSharedCardPayloadSchema>;

export interface SharedCardUpdate {
  organisationId: string;
  conversationId: string;
  reference: Record<string, unknown>;
  activityId: string;
  card: AdaptiveCard;
  /** One row per click: a later click's card is a row of its own. */
  clickId: string;
  now: Date;
}

/** The update's outbox row; answers its id, or undefined when this click's row exists already. */
export async function enqueueSharedCardUpdate(db: Db, update: SharedCardUpdate): Promise<string | undefined> {
  const dedupeKey = `card-update:${update.conversationId}:${update.activityId}:${update.clickId}`;
  const payload: SharedCardPayload = { reference: update.reference, activityId: update.activityId, card: update.card as Record<string, unknown> };
  const inserted = await insertOutboxMessage(db, {
    organisationId: update.organisationId,
    recipient: { type: "conversation", conversationId: update.conversationId },
    kind: SHARED_CARD_KIND,
    dedupeKey,
    deadlineKey: update.activityId,
    threshold: NOTIFICATION_THRESHOLD,
    payload,
    notBefore: update.now,
  });
  if (inserted === "duplicate") return undefined;
  const row = await db.outboxMessage.findUnique({ where: { dedupeKey }, select: { id: true } });
  return row?.id;
}

/** The message's new activity: the same id, the new card. */
export function updateActivityOf(payload: SharedCardPayload): Record<string, unknown> {
  return {
    type: "message",
    id: payload.activityId,
    attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: payload.card }],
  };
}
