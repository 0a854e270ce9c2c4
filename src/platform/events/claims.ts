// Claims webhook deliveries from the outbox with the same lease columns as Teams delivery
// (leaseOwner, leaseExpiresAt, attempts), so renewLease, markSent and markFailed work on them
// unchanged. Unlike a Teams digest, an endpoint's rows are taken a bounded number at a time,
// and up to `maxEndpoints` endpoints per batch, oldest due first: a backlog or a dead
// endpoint of one organisation never fills another's batch. On PostgreSQL the claim goes
// through FOR UPDATE SKIP LOCKED, so instances pass over each other's rows; on SQLite
// writers are serialized and the update re-checks claimability itself.
import { randomUUID } from "node:crypto";
import { Prisma } from "../../generated/sqlite/client";
import type { Db } from "../store/db";
import { WEBHOOK_RECIPIENT_PREFIX } from "../store/outbox";
import { endpointIdOf } from "./webhook-rows";

export interface WebhookClaimOptions {
  owner: string;
  now: Date;
  leaseMs: number;
  maxEndpoints: number;
  rowsPerEndpoint: number;
  /** A row whose lease ran out this many times (its holder died each time) is dead. */
  maxAttempts: number;
}

export interface ClaimedDelivery {
  id: string;
  organisationId: string;
  endpointId: string;
  eventId: string;
  attempts: number;
}

function claimable(now: Date): Prisma.OutboxMessageWhereInput {
  return {
    recipient: { startsWith: WEBHOOK_RECIPIENT_PREFIX },
    OR: [
      { state: { in: ["pending", "failed"] }, nextAttemptAt: { lte: now } },
      { state: "claimed", leaseExpiresAt: { lt: now } },
    ],
  };
}

export async function claimWebhookDeliveries(db: Db, options: WebhookClaimOptions): Promise<{ token: string; deliveries: ClaimedDelivery[] }> {
  const { now } = options;
  const token = `${options.owner}:${randomUUID()}`;
  await db.outboxMessage.updateMany({
    where: { recipient: { startsWith: WEBHOOK_RECIPIENT_PREFIX }, state: "claimed", leaseExpiresAt: { lt: now }, attempts: { gte: options.maxAttempts } },
    data: { state: "dead", lastError: "the delivering process stopped during every attempt", leaseOwner: null, leaseExpiresAt: null },
  });
  const endpoints = await db.outboxMessage.groupBy({
    by: ["recipient"],
    where: claimable(now),
    orderBy: { _min: { nextAttemptAt: "asc" } },
    _min: { nextAttemptAt: true },
    take: options.maxEndpoints,
  });
  const candidates: string[] = [];
  for (const { recipient } of endpoints) {
    const rows = await db.outboxMessage.findMany({
      where: { AND: [claimable(now), { recipient }] },
      orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
      take: options.rowsPerEndpoint,
      select: { id: true },
    });
    candidates.push(...rows.map((row) => row.id));
  }
  if (candidates.length === 0) return { token, deliveries: [] };
  const leaseExpiresAt = new Date(now.getTime() + options.leaseMs);
  if (isPostgres(db)) {
    await db.$executeRaw`
      UPDATE "OutboxMessage"
         SET "state" = 'claimed', "leaseOwner" = ${token}, "leaseExpiresAt" = ${leaseExpiresAt}, "attempts" = "attempts" + 1
       WHERE "id" IN (
         SELECT "id" FROM "OutboxMessage"
          WHERE "id" IN (${Prisma.join(candidates)})
            AND (("state" IN ('pending', 'failed') AND "nextAttemptAt" <= ${now})
                 OR ("state" = 'claimed' AND "leaseExpiresAt" < ${now}))
          FOR UPDATE SKIP LOCKED)`;
  } else {
    await db.outboxMessage.updateMany({
      where: { AND: [claimable(now), { id: { in: candidates } }] },
      data: { state: "claimed", leaseOwner: token, leaseExpiresAt, attempts: { increment: 1 } },
    });
  }
  const claimed = await db.outboxMessage.findMany({ where: { leaseOwner: token, state: "claimed" }, orderBy: { createdAt: "asc" } });
  return {
    token,
    deliveries: claimed.map((row) => ({
      id: row.id,
      organisationId: row.organisationId,
      endpointId: endpointIdOf(row.recipient),
      eventId: (JSON.parse(row.payload) as { eventId: string }).eventId,
      attempts: row.attempts,
    })),
  };
}

function isPostgres(db: Db): boolean {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql";
}
