// Delivery: claim due outbox rows under a lease, find where each recipient is reached (opening
// a personal chat with a roster member who never wrote, ./reach.ts), compose one digest per
// recipient (plus one message per one-off notification), send each through the retrying
// sender, and record the outcome on the rows. Runs in every bot instance at once: the lease in the database, not a
// lock in this process, keeps two instances off the same rows.
import { randomUUID } from "node:crypto";
import { findOrganisationById, forgetConversation, type StoredConversationReference } from "../store/conversation-references";
import type { Db } from "../store/db";
import type { Organisation } from "../store/organisations";
import { claimDueMessages, markDead, markFailed, markSent, markSkipped, type OutboxMessage, postpone, type Recipient, renewLease } from "../store/outbox";
import { activeSuppressions } from "../store/reminder-preferences";
import { stopRosterReach } from "../store/roster-members";
import { SHARED_CARD_KIND, updateActivityOf, ZSharedCardPayloadSchema } from "../bot/shared-card";
import { reachRecipient } from "./reach";
import { backoffDelay } from "./backoff";
import { type RetryPolicy, type SenderDeps, sendWithRetry } from "./sender";
import type { ReminderSettings } from "./settings";

export interface DeliveryAudience {
  organisation: Organisation;
  recipient: Recipient;
  conversation: StoredConversationReference;
}

export interface ComposedMessage {
  activity: Record<string, unknown>;
  /** The outbox rows this one activity delivers. */
  messageIds: string[];
}

/** Builds the activities for one recipient's rows, as read at `now`; rows left out of every message cannot be rendered. */
export type ComposeMessages = (audience: DeliveryAudience, messages: readonly OutboxMessage[], now: Date) => ComposedMessage[];

export interface ReminderLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface DeliveryDeps {
  db: Db;
  /** Names this process in lease tokens (host and pid do). */
  owner: string;
  clock: () => Date;
  settings: ReminderSettings;
  compose: ComposeMessages;
  sender: SenderDeps;
  logger?: ReminderLogger;
  /** Recipients claimed per batch; the loop claims batches until nothing is due. */
  batchRecipients?: number;
  /** A run stops after this long (its unsent rows go back, due at once, for the next run). */
  cycleDeadlineMs?: number;
  random?: () => number;
}

export interface DeliveryReport {
  messagesSent: number;
  rowsSent: number;
  rowsFailed: number;
  rowsDead: number;
  rowsSkipped: number;
  rowsPostponed: number;
  /** Rows whose lease ran out before their send: left to whoever holds them now. */
  rowsLost: number;
}

// Failed attempts come back after minutes, not seconds: the connector or the network is unwell.
const OUTBOX_BACKOFF = { baseMs: 60_000, maxMs: 3_600_000 };
// A run ends when nothing is due; this bound only stops a run that something keeps refilling.
const MAX_BATCHES_PER_RUN = 1_000;
const MIN_RETRY_MS = 1_000;

/**
 * One try per row per run: the connector's own policy (src/platform/bot/connector-policy.ts)
 * already repeats a throttled call after a short Retry-After; anything longer, and every other
 * failure, comes back on a later run (retryLater), so one throttled chat never holds the run.
 */
const DELIVERY_RETRY_POLICY: RetryPolicy = { baseMs: 1_000, maxMs: 30_000, maxTries: 1, maxWaitMs: 0 };

// Under the default 60 s between runs: one run never overlaps the next.
const DEFAULT_CYCLE_DEADLINE_MS = 50_000;

export async function deliverDue(deps: DeliveryDeps): Promise<DeliveryReport> {
  const report: DeliveryReport = { messagesSent: 0, rowsSent: 0, rowsFailed: 0, rowsDead: 0, rowsSkipped: 0, rowsPostponed: 0, rowsLost: 0 };
  const deadline = performance.now() + (deps.cycleDeadlineMs ?? DEFAULT_CYCLE_DEADLINE_MS);
  for (let round = 0; round < MAX_BATCHES_PER_RUN && performance.now() < deadline; round++) {
    const batch = await claimDueMessages(deps.db, {
      owner: deps.owner,
      now: deps.clock(),
      leaseMs: deps.settings.leaseMs,
      maxRecipients: deps.batchRecipients ?? 20,
      maxAttempts: deps.settings.maxAttempts,
    });
    if (batch.messages.length === 0) return report;
    const groups = takeTurnsByOrganisation(groupByRecipient(batch.messages));
    for (const [index, group] of groups.entries()) {
      if (performance.now() >= deadline) {
        // Out of time: the rest go back as they were, due now, for the next run.
        const left = groups
          .slice(index)
          .flat()
          .map((row) => row.id);
        await postpone(deps.db, batch.token, left, deps.clock());
        report.rowsPostponed += left.length;
        deps.logger?.warn({ rows: left.length }, "reminder delivery run reached its deadline");
        return report;
      }
      await deliverIsolated(deps, batch.token, group, report);
    }
  }
  return report;
}

/** One recipient of each organisation in turn: an organisation with many recipients, or a slow one, does not hold the others back. */
function takeTurnsByOrganisation(groups: OutboxMessage[][]): OutboxMessage[][] {
  const queues = new Map<string, OutboxMessage[][]>();
  for (const group of groups) {
    const organisationId = (group[0] as OutboxMessage).organisationId;
    queues.set(organisationId, [...(queues.get(organisationId) ?? []), group]);
  }
  const ordered: OutboxMessage[][] = [];
  for (let turn = 0; ordered.length < groups.length; turn++) {
    for (const queue of queues.values()) {
      const group = queue[turn];
      if (group) ordered.push(group);
    }
  }
  return ordered;
}

/**
 * One recipient's delivery, its failure kept to itself: a row that cannot be composed or an
 * organisation whose data breaks the card is logged with the organisation's id, and its rows
 * go back for a later attempt with backoff, while every other recipient is still served.
 */
async function deliverIsolated(deps: DeliveryDeps, token: string, rows: OutboxMessage[], report: DeliveryReport): Promise<void> {
  try {
    await deliverGroup(deps, token, rows, report);
  } catch (error) {
    const first = rows[0] as OutboxMessage;
    deps.logger?.error({ err: error, organisationId: first.organisationId, recipient: first.recipient }, "reminder delivery failed for a recipient");
    const attempts = rows.reduce((most, row) => Math.max(most, row.attempts), 1);
    const retryAt = new Date(deps.clock().getTime() + backoffDelay(attempts - 1, OUTBOX_BACKOFF, deps.random ?? Math.random));
    const message = error instanceof Error ? error.message : String(error);
    try {
      report.rowsFailed += await markFailed(
        deps.db,
        token,
        rows.map((row) => row.id),
        { error: message, retryAt, maxAttempts: deps.settings.maxAttempts },
      );
    } catch (releaseError) {
      // The database itself is failing: the lease runs out and the rows are claimed again.
      deps.logger?.error({ err: releaseError, organisationId: first.organisationId }, "could not release reminder rows after a failure");
    }
  }
}

async function deliverGroup(deps: DeliveryDeps, token: string, rows: OutboxMessage[], report: DeliveryReport): Promise<void> {
  const { db } = deps;
  const first = rows[0] as OutboxMessage;
  const ids = (list: readonly OutboxMessage[]) => list.map((row) => row.id);
  const organisation = await findOrganisationById(db, first.organisationId);
  if (!organisation) {
    await markDead(db, token, ids(rows), "no_conversation");
    report.rowsDead += rows.length;
    return;
  }
  // Shared cards to update are no reminders: nobody mutes them, and they go to the message they replace.
  const updates = rows.filter((row) => row.kind === SHARED_CARD_KIND);
  if (updates.length > 0) await updateSharedCards(deps, token, updates, report);
  const messages = updates.length > 0 ? rows.filter((row) => row.kind !== SHARED_CARD_KIND) : rows;
  if (messages.length === 0) return;
  const wanted = await withoutSuppressed(deps, token, messages, report);
  if (wanted.length === 0) return;
  const reach = await reachRecipient(db, withinLease(deps), organisation, first.recipient, deps.clock());
  if (reach.kind === "dead") {
    await markDead(db, token, ids(wanted), reach.reason);
    report.rowsDead += wanted.length;
    return;
  }
  if (reach.kind === "retry") {
    await retryLater(deps, token, wanted, reach, report);
    return;
  }
  const { conversation } = reach;
  const composed = deps.compose({ organisation, recipient: first.recipient, conversation }, wanted, deps.clock());
  const rendered = new Set(composed.flatMap((message) => message.messageIds));
  const unrenderable = wanted.filter((row) => !rendered.has(row.id));
  if (unrenderable.length > 0) {
    await markDead(db, token, ids(unrenderable), "unrenderable");
    report.rowsDead += unrenderable.length;
  }
  for (const [index, message] of composed.entries()) {
    const now = deps.clock();
    if (!(await renewLease(db, token, message.messageIds, now, deps.settings.leaseMs))) {
      report.rowsLost += message.messageIds.length;
      continue;
    }
    const outcome = await sendWithRetry(withinLease(deps), conversation.reference, message.activity);
    if (outcome.outcome === "sent") {
      const marked = await markSent(db, token, message.messageIds, deps.clock());
      report.messagesSent++;
      report.rowsSent += message.messageIds.length;
      if (marked < message.messageIds.length) deps.logger?.warn({ ids: message.messageIds }, "reminder sent after its lease was lost");
    } else if (outcome.outcome === "dead") {
      await forgetConversation(db, organisation.id, conversation.conversationId, outcome.reason, deps.clock());
      // A refused personal chat is not opened again through a roster on the next run.
      if (first.recipient.type === "user") await stopRosterReach(db, organisation.id, first.recipient.aadObjectId, outcome.reason, deps.clock());
      const remaining = composed.slice(index).flatMap((m) => m.messageIds);
      await markDead(db, token, remaining, outcome.reason);
      report.rowsDead += remaining.length;
      return;
    } else {
      const carried = new Set(message.messageIds);
      await retryLater(
        deps,
        token,
        rows.filter((row) => carried.has(row.id)),
        outcome,
        report,
      );
    }
  }
}

/**
 * Each row replaces one posted message with its card, through the reference the click came
 * with. A message that is gone (403/404) ends the row; another failure retries it later.
 */
async function updateSharedCards(deps: DeliveryDeps, token: string, rows: readonly OutboxMessage[], report: DeliveryReport): Promise<void> {
  const update = deps.sender.update;
  if (!update) {
    await retryLater(deps, token, rows, { error: "no_updater" }, report);
    return;
  }
  for (const row of rows) {
    const payload = ZSharedCardPayloadSchema.safeParse(row.payload);
    if (!payload.success) {
      await markDead(deps.db, token, [row.id], "unrenderable");
      report.rowsDead += 1;
      continue;
    }
    if (!(await renewLease(deps.db, token, [row.id], deps.clock(), deps.settings.leaseMs))) {
      report.rowsLost += 1;
      continue;
    }
    const outcome = await sendWithRetry({ ...withinLease(deps), send: update }, payload.data.reference, updateActivityOf(payload.data));
    if (outcome.outcome === "sent") {
      await markSent(deps.db, token, [row.id], deps.clock());
      report.messagesSent++;
      report.rowsSent += 1;
    } else if (outcome.outcome === "dead") {
      await markDead(deps.db, token, [row.id], outcome.reason);
      report.rowsDead += 1;
    } else {
      await retryLater(deps, token, [row], outcome, report);
    }
  }
}

/** A failed attempt: the rows come back after the connector's Retry-After, or after backoff. */
async function retryLater(
  deps: DeliveryDeps,
  token: string,
  rows: readonly OutboxMessage[],
  failure: { error: string; retryAfterMs?: number },
  report: DeliveryReport,
): Promise<void> {
  const attempts = rows.reduce((most, row) => Math.max(most, row.attempts), 1);
  const wait = failure.retryAfterMs ?? backoffDelay(attempts - 1, OUTBOX_BACKOFF, deps.random ?? Math.random);
  const retryAt = new Date(deps.clock().getTime() + Math.max(MIN_RETRY_MS, wait));
  const ids = rows.map((row) => row.id);
  report.rowsFailed += await markFailed(deps.db, token, ids, { error: failure.error, retryAt, maxAttempts: deps.settings.maxAttempts });
}

/**
 * Waiting for retries must end well before the lease renewed just before the send runs out,
 * or another instance could claim the rows and send them while this one still retries.
 */
function withinLease(deps: DeliveryDeps): SenderDeps {
  const policy = deps.sender.policy ?? DELIVERY_RETRY_POLICY;
  return { ...deps.sender, policy: { ...policy, maxWaitMs: Math.min(policy.maxWaitMs, deps.settings.leaseMs / 2) } };
}

/** Drops rows of kinds the user muted (skipped for good) or snoozed (postponed to the snooze's end). */
async function withoutSuppressed(deps: DeliveryDeps, token: string, rows: OutboxMessage[], report: DeliveryReport): Promise<OutboxMessage[]> {
  const first = rows[0] as OutboxMessage;
  if (first.recipient.type !== "user") return rows;
  const now = deps.clock();
  const { aadObjectId } = first.recipient;
  const kinds = (await activeSuppressions(deps.db, first.organisationId, now, aadObjectId)).get(aadObjectId);
  if (!kinds) return rows;
  const kept: OutboxMessage[] = [];
  const muted: string[] = [];
  const snoozed = new Map<number, string[]>();
  for (const row of rows) {
    const suppression = kinds.get(row.kind);
    if (!suppression) kept.push(row);
    else if (suppression.muted) muted.push(row.id);
    else if (suppression.snoozedUntil) {
      const until = suppression.snoozedUntil.getTime();
      const ids = snoozed.get(until);
      if (ids) ids.push(row.id);
      else snoozed.set(until, [row.id]);
    }
  }
  if (muted.length > 0) await markSkipped(deps.db, token, muted, "muted");
  for (const [until, ids] of snoozed) await postpone(deps.db, token, ids, new Date(until));
  report.rowsSkipped += muted.length;
  report.rowsPostponed += [...snoozed.values()].reduce((sum, ids) => sum + ids.length, 0);
  return kept;
}

function groupByRecipient(messages: readonly OutboxMessage[]): OutboxMessage[][] {
  const groups = new Map<string, OutboxMessage[]>();
  for (const message of messages) {
    const key = `${message.organisationId}|${JSON.stringify(message.recipient)}`;
    const group = groups.get(key);
    if (group) group.push(message);
    else groups.set(key, [message]);
  }
  return [...groups.values()];
}

/** A lease owner name unique to this process. */
export function processOwner(): string {
  return `${process.pid}-${randomUUID().slice(0, 8)}`;
}
