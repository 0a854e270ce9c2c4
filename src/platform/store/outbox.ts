// The durable outbox every proactive message goes through: reminders planned by the
// scheduler and one-off notifications enqueued by workflows. Rows are unique by dedupe key
// (planning twice inserts once) and are claimed with a lease in the database, so several
// bot instances share the work and never hold the same row at the same time.
import { randomUUID } from "node:crypto";
import { Prisma } from "../../generated/sqlite/client";
import { bulkTable, findRowsByKeys, insertRows } from "./bulk";
import { type Db, type DbTx, isUniqueViolation } from "./db";

export const OUTBOX_STATES = ["pending", "claimed", "sent", "failed", "dead", "skipped"] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** Ids or keys per statement: well under SQLite's 999 bind parameters, with room for the rest of the query. */
const ID_CHUNK = 500;
/** Rows one delivery batch takes unless told otherwise. */
const DEFAULT_MAX_ROWS = 5_000;

/** Rows enqueued as one-off notifications carry this threshold; reminders carry their own. */
export const NOTIFICATION_THRESHOLD = "notification";

/** Who a row is for: a user's personal chat, or one conversation (a team channel). */
export type Recipient = { type: "user"; aadObjectId: string } | { type: "conversation"; conversationId: string };

/** A webhook endpoint's deliveries (src/platform/events/) share the table, never a Teams claim. */
export const WEBHOOK_RECIPIENT_PREFIX = "webhook:";
export type OutboxRecipient = Recipient | { type: "webhook"; endpointId: string };

export function recipientKey(recipient: OutboxRecipient): string {
  if (recipient.type === "webhook") return `${WEBHOOK_RECIPIENT_PREFIX}${recipient.endpointId}`;
  return recipient.type === "user" ? `user:${recipient.aadObjectId}` : `conversation:${recipient.conversationId}`;
}

export function parseRecipient(key: string): Recipient {
  if (key.startsWith("user:")) return { type: "user", aadObjectId: key.slice("user:".length) };
  return { type: "conversation", conversationId: key.slice("conversation:".length) };
}

export interface NewOutboxMessage {
  organisationId: string;
  dedupeKey: string;
  kind: string;
  recipient: OutboxRecipient;
  deadlineKey: string;
  threshold: string;
  deadlineAt?: Date;
  /**
   * Not sent before this instant: the caller's now, or the end of quiet hours. Always from the
   * app's clock, never the column's default: that is another clock (Prisma's process time, or
   * the database server's), and a row stamped by it is due at a time the app does not share.
   */
  notBefore: Date;
  payload: unknown;
}

/** A stored row: what was planned, and how its delivery went. */
export interface OutboxMessage extends Omit<NewOutboxMessage, "notBefore" | "recipient"> {
  recipient: Recipient;
  id: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: Date;
  sentAt?: Date;
  lastError?: string;
}

/**
 * Inserts the row unless its dedupe key is already there. A duplicate found by the check
 * costs nothing; one that races past it is a unique violation. Outside a transaction that
 * answers "duplicate". Inside one it is thrown: PostgreSQL has aborted the transaction, and
 * its COMMIT would silently roll back the caller's other writes, so the caller retries the
 * whole transaction (retryLostRaces), whose check then finds the row.
 */
export async function insertOutboxMessage(db: DbTx, message: NewOutboxMessage): Promise<"inserted" | "duplicate"> {
  const existing = await db.outboxMessage.findUnique({ where: { dedupeKey: message.dedupeKey }, select: { id: true } });
  if (existing) return "duplicate";
  try {
    await db.outboxMessage.create({ data: rowData(message) });
    return "inserted";
  } catch (error) {
    if (isUniqueViolation(error) && !inTransaction(db)) return "duplicate";
    throw error;
  }
}

// A client can open transactions; the client handed to a transaction's callback cannot.
function inTransaction(db: DbTx): boolean {
  return !("$transaction" in db);
}

/**
 * Inserts, in the caller's transaction, the rows whose dedupe keys are not there yet. A row
 * another writer inserts at the same moment throws the unique violation instead of being
 * swallowed: on PostgreSQL the transaction is lost at that point, so the caller retries.
 * Keys are looked up in chunks of a fixed size, so no statement's bind parameters grow with
 * the number of rows (SQLite refuses more than 999).
 */
export async function insertOutboxMessagesAtomically(tx: DbTx, messages: readonly NewOutboxMessage[]): Promise<("inserted" | "duplicate")[]> {
  const key = { column: "dedupeKey", values: messages.map((m) => m.dedupeKey) };
  const existing = await findRowsByKeys<{ dedupeKey: string }>(tx, "OutboxMessage", undefined, key, ["dedupeKey"]);
  const present = new Set(existing.map((row) => row.dedupeKey));
  const outcomes: ("inserted" | "duplicate")[] = [];
  const fresh: NewOutboxMessage[] = [];
  for (const message of messages) {
    if (present.has(message.dedupeKey)) {
      outcomes.push("duplicate");
      continue;
    }
    present.add(message.dedupeKey);
    fresh.push(message);
    outcomes.push("inserted");
  }
  // A thousand rows per statement, each statement one parameter (./bulk.ts). createdAt is
  // what Prisma would write (the process's clock): it only orders rows due at the same time.
  const createdAt = new Date();
  await insertRows(
    tx,
    OUTBOX_TABLE,
    fresh.map((message) => ({ id: randomUUID(), ...rowData(message), createdAt })),
  );
  return outcomes;
}

/** The columns a new row is written with; state and attempts take their defaults. */
const OUTBOX_TABLE = bulkTable<Prisma.OutboxMessageCreateManyInput>("OutboxMessage", {
  id: "text",
  organisationId: "text",
  dedupeKey: "text",
  kind: "text",
  recipient: "text",
  deadlineKey: "text",
  threshold: "text",
  deadlineAt: "timestamp",
  payload: "text",
  nextAttemptAt: "timestamp",
  createdAt: "timestamp",
});

function rowData(message: NewOutboxMessage) {
  return {
    organisationId: message.organisationId,
    dedupeKey: message.dedupeKey,
    kind: message.kind,
    recipient: recipientKey(message.recipient),
    deadlineKey: message.deadlineKey,
    threshold: message.threshold,
    deadlineAt: message.deadlineAt ?? null,
    payload: JSON.stringify(message.payload),
    nextAttemptAt: message.notBefore,
  };
}

export interface NotificationInput {
  organisationId: string;
  recipientAadObjectId: string;
  /** Picks the renderer (../reminders/notifications.ts); a workflow's kind, "<namespace>.<what>". */
  kind: string;
  /** Unique across the outbox: the same key enqueued twice sends once. */
  dedupeKey: string;
  payload: unknown;
  /** When it may be sent: the caller's clock (see NewOutboxMessage.notBefore). */
  now: Date;
}

/** Enqueues a one-off message to one user's personal chat, inside the caller's transaction. */
export async function enqueueNotification(tx: DbTx, input: NotificationInput): Promise<"inserted" | "duplicate"> {
  return insertOutboxMessage(tx, {
    organisationId: input.organisationId,
    dedupeKey: input.dedupeKey,
    kind: input.kind,
    recipient: { type: "user", aadObjectId: input.recipientAadObjectId },
    deadlineKey: input.dedupeKey,
    threshold: NOTIFICATION_THRESHOLD,
    payload: input.payload,
    notBefore: input.now,
  });
}

export interface ClaimOptions {
  /** Names the process; each claim adds a random suffix so two claims never share a token. */
  owner: string;
  now: Date;
  leaseMs: number;
  /** Recipients per batch: all due rows of a recipient are claimed together, for one digest. */
  maxRecipients: number;
  /** Rows per batch, across its recipients: bounds the memory one batch takes. */
  maxRows?: number;
  /**
   * Claims a row may take. A row whose lease keeps running out (its holder dies mid-send every
   * time) is given up once it has had them all, instead of being claimed again forever.
   */
  maxAttempts?: number;
}

export interface ClaimedBatch {
  token: string;
  messages: OutboxMessage[];
}

const TEAMS_ROWS: Prisma.OutboxMessageWhereInput = { NOT: { recipient: { startsWith: WEBHOOK_RECIPIENT_PREFIX } } };

function claimable(now: Date): Prisma.OutboxMessageWhereInput {
  return {
    ...TEAMS_ROWS,
    OR: [
      { state: { in: ["pending", "failed"] }, nextAttemptAt: { lte: now } },
      // A claimed row whose lease ran out: its holder died or stalled mid-delivery.
      { state: "claimed", leaseExpiresAt: { lt: now } },
    ],
  };
}

/**
 * Claims the due rows of up to `maxRecipients` recipients (fewer when they hold more than
 * `maxRows` between them; the first recipient always comes whole, for one digest). The claim is
 * one conditional UPDATE naming the recipients, never the rows: on PostgreSQL through
 * `FOR UPDATE SKIP LOCKED`, so concurrent claimers pass over each other's rows instead of
 * waiting; on SQLite writers are serialized, and the update re-checks claimability itself.
 * Either way a row goes to exactly one claimer.
 */
export async function claimDueMessages(db: Db, options: ClaimOptions): Promise<ClaimedBatch> {
  const { now, leaseMs } = options;
  const token = `${options.owner}:${randomUUID()}`;
  if (options.maxAttempts !== undefined) await giveUpCrashLoops(db, now, options.maxAttempts);
  const groups = await db.outboxMessage.groupBy({
    by: ["organisationId", "recipient"],
    where: claimable(now),
    orderBy: { _min: { nextAttemptAt: "asc" } },
    _min: { nextAttemptAt: true },
    _count: { _all: true },
    take: options.maxRecipients,
  });
  const chosen = withinRowBudget(groups, options.maxRows ?? DEFAULT_MAX_ROWS);
  if (chosen.length === 0) return { token, messages: [] };
  const leaseExpiresAt = new Date(now.getTime() + leaseMs);
  if (isPostgres(db)) {
    const recipients = Prisma.join(chosen.map((g) => Prisma.sql`(${g.organisationId}, ${g.recipient})`));
    await db.$executeRaw`
      UPDATE "OutboxMessage"
         SET "state" = 'claimed', "leaseOwner" = ${token}, "leaseExpiresAt" = ${leaseExpiresAt}, "attempts" = "attempts" + 1
       WHERE "id" IN (
         SELECT "id" FROM "OutboxMessage"
          WHERE ("organisationId", "recipient") IN (${recipients})
            AND (("state" IN ('pending', 'failed') AND "nextAttemptAt" <= ${now})
                 OR ("state" = 'claimed' AND "leaseExpiresAt" < ${now}))
          FOR UPDATE SKIP LOCKED)`;
  } else {
    await db.outboxMessage.updateMany({
      where: { AND: [claimable(now), { OR: chosen.map((g) => ({ organisationId: g.organisationId, recipient: g.recipient })) }] },
      data: { state: "claimed", leaseOwner: token, leaseExpiresAt, attempts: { increment: 1 } },
    });
  }
  const rows = await db.outboxMessage.findMany({ where: { leaseOwner: token, state: "claimed" }, orderBy: { createdAt: "asc" } });
  return { token, messages: rows.map(toMessage) };
}

/** The leading recipients whose rows fit in `maxRows` together; the first one whatever its size. */
function withinRowBudget<G extends { _count: { _all: number } }>(groups: readonly G[], maxRows: number): G[] {
  const chosen: G[] = [];
  let rows = 0;
  for (const group of groups) {
    if (chosen.length > 0 && rows + group._count._all > maxRows) break;
    chosen.push(group);
    rows += group._count._all;
  }
  return chosen;
}

/** Rows whose every claim ended with the lease running out: dead, with the reason. */
async function giveUpCrashLoops(db: Db, now: Date, maxAttempts: number): Promise<void> {
  await db.outboxMessage.updateMany({
    where: { ...TEAMS_ROWS, state: "claimed", leaseExpiresAt: { lt: now }, attempts: { gte: maxAttempts } },
    data: {
      state: "dead",
      lastError: `gave up after ${maxAttempts} claims whose lease ran out before delivery completed`,
      leaseOwner: null,
      leaseExpiresAt: null,
    },
  });
}

/**
 * Extends the lease on rows this claim still holds, right before sending them. Fewer rows
 * than asked means the lease ran out and another instance may own them: do not send.
 */
export async function renewLease(db: DbTx, token: string, ids: readonly string[], now: Date, leaseMs: number): Promise<boolean> {
  const count = await updateHeld(db, token, ids, { leaseExpiresAt: { gt: now } }, { leaseExpiresAt: new Date(now.getTime() + leaseMs) });
  return count === ids.length;
}

export async function markSent(db: DbTx, token: string, ids: readonly string[], now: Date): Promise<number> {
  return updateHeld(db, token, ids, {}, { state: "sent", sentAt: now, leaseOwner: null, leaseExpiresAt: null, lastError: null });
}

/**
 * A failed attempt: retried at `retryAt`, unless the rows used up their attempts (then dead).
 * Answers how many of the rows this claim still held.
 */
export async function markFailed(
  db: DbTx,
  token: string,
  ids: readonly string[],
  failure: { error: string; retryAt: Date; maxAttempts: number },
): Promise<number> {
  const released = { leaseOwner: null, leaseExpiresAt: null, lastError: failure.error.slice(0, 1000) };
  return inOneTransaction(db, async (tx) => {
    const dead = await updateHeld(tx, token, ids, { attempts: { gte: failure.maxAttempts } }, { ...released, state: "dead" });
    return dead + (await updateHeld(tx, token, ids, {}, { ...released, state: "failed", nextAttemptAt: failure.retryAt }));
  });
}

/** Never to be sent: the conversation is gone, or the row cannot be rendered. */
export async function markDead(db: DbTx, token: string, ids: readonly string[], reason: string): Promise<void> {
  await updateHeld(db, token, ids, {}, { state: "dead", lastError: reason, leaseOwner: null, leaseExpiresAt: null });
}

/**
 * A row sent outside a claim (a shared card updated at once, after the click was answered):
 * marked sent unless a deliverer holds it now, which then sends it again, harmlessly.
 */
export async function markSentUnclaimed(db: DbTx, id: string, now: Date): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: { id, state: { in: ["pending", "failed"] } },
    data: { state: "sent", sentAt: now, lastError: null },
  });
  return count === 1;
}

/** The recipient muted the kind after the row was planned. */
export async function markSkipped(db: DbTx, token: string, ids: readonly string[], reason: string): Promise<void> {
  await updateHeld(db, token, ids, {}, { state: "skipped", lastError: reason, leaseOwner: null, leaseExpiresAt: null });
}

/** Gives rows back untouched for later (a snooze running): the claim does not count as an attempt. */
export async function postpone(db: DbTx, token: string, ids: readonly string[], until: Date): Promise<void> {
  await updateHeld(db, token, ids, {}, { state: "pending", nextAttemptAt: until, attempts: { decrement: 1 }, leaseOwner: null, leaseExpiresAt: null });
}

/**
 * Updates those of `ids` this claim still holds; answers how many. A digest may carry
 * thousands of rows: the ids go in chunks of a fixed size, all in one transaction, so the
 * rows change together and no statement's bind parameters grow with the digest.
 */
async function updateHeld(
  db: DbTx,
  token: string,
  ids: readonly string[],
  where: Prisma.OutboxMessageWhereInput,
  data: Prisma.OutboxMessageUpdateManyMutationInput,
): Promise<number> {
  return inOneTransaction(db, async (tx) => {
    let count = 0;
    for (const chunk of chunksOf(ids)) {
      count += (await tx.outboxMessage.updateMany({ where: { ...where, id: { in: chunk }, leaseOwner: token, state: "claimed" }, data })).count;
    }
    return count;
  });
}

/** Runs `work` in a transaction, or in the caller's when it already holds one. */
async function inOneTransaction<T>(db: DbTx, work: (tx: DbTx) => Promise<T>): Promise<T> {
  return inTransaction(db) ? work(db) : (db as Db).$transaction(work);
}

function chunksOf<T>(items: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += ID_CHUNK) chunks.push(items.slice(start, start + ID_CHUNK));
  return chunks;
}

// The two clients differ only in their provider; this picks the SQL dialect for the claim.
function isPostgres(db: Db): boolean {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql";
}

type Row = Awaited<ReturnType<DbTx["outboxMessage"]["findFirstOrThrow"]>>;

function toMessage(row: Row): OutboxMessage {
  return {
    id: row.id,
    organisationId: row.organisationId,
    dedupeKey: row.dedupeKey,
    kind: row.kind,
    recipient: parseRecipient(row.recipient),
    deadlineKey: row.deadlineKey,
    threshold: row.threshold,
    ...(row.deadlineAt ? { deadlineAt: row.deadlineAt } : {}),
    // An enum: the client refuses to read a state outside it ("Value ... not found in enum").
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    payload: JSON.parse(row.payload) as unknown,
    ...(row.sentAt ? { sentAt: row.sentAt } : {}),
    ...(row.lastError ? { lastError: row.lastError } : {}),
  };
}
