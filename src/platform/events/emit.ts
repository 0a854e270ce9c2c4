// Writes an outbound event inside the caller's transaction: the event row, its feed position,
// and one outbox row per webhook endpoint of the organisation that wants its type. The
// decision and its event commit together or not at all. Call it as the transaction's last
// write: the feed position is taken under a row lock held until commit (see nextPosition).
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { DbTx } from "../store/db";
import { insertOutboxMessagesAtomically } from "../store/outbox";
import type { EventDefinition } from "./define-event";
import { endpointsWanting } from "./endpoints";
import { WEBHOOK_KIND, webhookDedupeKey, webhookRecipient } from "./webhook-rows";

export interface EmittedEvent {
  id: string;
  organisationId: string;
  position: number;
  type: string;
  occurredAt: Date;
  data: unknown;
}

export async function emitEvent<S extends z.ZodType>(
  tx: DbTx,
  definition: EventDefinition<S>,
  input: { organisationId: string; data: z.input<S>; now: Date /** When the emitter must find its event again (a card showing its delivery). */; id?: string },
): Promise<EmittedEvent> {
  // A payload that breaks its own schema is a programming error: it throws, and the decision rolls back.
  const data = definition.schema.parse(input.data);
  const id = input.id ?? `evt_${randomUUID().replaceAll("-", "")}`;
  const endpoints = await endpointsWanting(tx, input.organisationId, definition.type);
  await insertOutboxMessagesAtomically(
    tx,
    endpoints.map((endpoint) => ({
      organisationId: input.organisationId,
      dedupeKey: webhookDedupeKey(endpoint.id, id),
      kind: WEBHOOK_KIND,
      recipient: webhookRecipient(endpoint.id),
      deadlineKey: id,
      threshold: WEBHOOK_KIND,
      notBefore: input.now,
      payload: { eventId: id },
    })),
  );
  const position = await nextPosition(tx, input.organisationId);
  await tx.organisationEvent.create({
    data: { id, organisationId: input.organisationId, position, type: definition.type, payload: JSON.stringify(data), occurredAt: input.now },
  });
  return { id, organisationId: input.organisationId, position, type: definition.type, occurredAt: input.now, data };
}

/**
 * The organisation's next feed position. The upsert locks the organisation's counter row until
 * the transaction ends, so a second writer gets its number only after the first committed (or
 * rolled back, giving the number back): positions become visible in order, without gaps, and
 * a reader that saw position n has already seen every position below it. On SQLite writers
 * are serialized anyway.
 */
async function nextPosition(tx: DbTx, organisationId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number | bigint }[]>`
    INSERT INTO "EventSequence" ("organisationId", "last") VALUES (${organisationId}, 1)
    ON CONFLICT ("organisationId") DO UPDATE SET "last" = "EventSequence"."last" + 1
    RETURNING "last"`;
  const last = rows[0]?.last;
  if (last === undefined) throw new Error("the event sequence returned no row");
  return Number(last);
}
