// What became of an event's or an endpoint's deliveries, read from their outbox rows: for the
// endpoint list, the dead-delivery list, and the cards that say whether an entry reached the
// vendor's side.
import type { DbTx } from "../store/db";
import { recipientKey } from "../store/outbox";
import { endpointIdOf, WEBHOOK_KIND, webhookRecipient } from "./webhook-rows";

export async function deliveryCounts(db: DbTx, endpointId: string): Promise<{ pending: number; sent: number; dead: number }> {
  const groups = await db.outboxMessage.groupBy({ by: ["state"], where: { recipient: recipientKey(webhookRecipient(endpointId)) }, _count: { _all: true } });
  const count = (states: string[]) => groups.filter((group) => states.includes(group.state)).reduce((sum, group) => sum + group._count._all, 0);
  return { pending: count(["pending", "claimed", "failed"]), sent: count(["sent"]), dead: count(["dead"]) };
}

export async function listDeadDeliveries(db: DbTx, endpointId: string, limit = 100) {
  const rows = await db.outboxMessage.findMany({
    where: { recipient: recipientKey(webhookRecipient(endpointId)), state: "dead" },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map((row) => ({ eventId: row.deadlineKey, attempts: row.attempts, lastError: row.lastError ?? null, createdAt: row.createdAt.toISOString() }));
}

/** How an event's webhook deliveries stand, for a card. */
export type EventDelivery = { state: "no_endpoint" } | { state: "sent"; at: Date } | { state: "failing"; since: Date } | { state: "pending" };

export async function eventDelivery(db: DbTx, eventId: string): Promise<EventDelivery> {
  const rows = await db.outboxMessage.findMany({
    where: { kind: WEBHOOK_KIND, deadlineKey: eventId },
    select: { state: true, sentAt: true, recipient: true, createdAt: true },
  });
  if (rows.length === 0) return { state: "no_endpoint" };
  const sent = rows.filter((row) => row.sentAt).map((row) => row.sentAt as Date);
  if (sent.length > 0) return { state: "sent", at: new Date(Math.min(...sent.map((at) => at.getTime()))) };
  const failing = rows.filter((row) => row.state === "failed" || row.state === "dead");
  if (failing.length > 0) {
    const first = failing[0] as (typeof failing)[number];
    const endpoint = await db.webhookEndpoint.findUnique({ where: { id: endpointIdOf(first.recipient) }, select: { failingSince: true } });
    return { state: "failing", since: endpoint?.failingSince ?? first.createdAt };
  }
  return { state: "pending" };
}
