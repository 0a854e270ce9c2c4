// Reading stored events: one by id (for delivery), and the organisation's feed by position.
import type { DbTx } from "../store/db";

export interface StoredEvent {
  id: string;
  organisationId: string;
  position: number;
  type: string;
  occurredAt: Date;
  data: unknown;
}

/** What a receiver gets, by webhook and in the feed: the Standard Webhooks envelope plus the id. */
export function eventEnvelope(event: StoredEvent) {
  return { id: event.id, type: event.type, timestamp: event.occurredAt.toISOString(), data: event.data };
}

/** The events with these ids (a delivery batch's, well under the bind-parameter limit), by id. */
export async function findEvents(db: DbTx, ids: readonly string[]): Promise<Map<string, StoredEvent>> {
  const rows = await db.organisationEvent.findMany({ where: { id: { in: [...new Set(ids)] } } });
  return new Map(rows.map((row) => [row.id, toEvent(row)]));
}

/** Events after `after` (a position), in position order: the commit order of the organisation's writers. */
export async function readEventsAfter(db: DbTx, organisationId: string, after: number, limit: number): Promise<StoredEvent[]> {
  const rows = await db.organisationEvent.findMany({ where: { organisationId, position: { gt: after } }, orderBy: { position: "asc" }, take: limit });
  return rows.map(toEvent);
}

type Row = Awaited<ReturnType<DbTx["organisationEvent"]["findFirstOrThrow"]>>;

function toEvent(row: Row): StoredEvent {
  return {
    id: row.id,
    organisationId: row.organisationId,
    position: row.position,
    type: row.type,
    occurredAt: row.occurredAt,
    data: JSON.parse(row.payload) as unknown,
  };
}
