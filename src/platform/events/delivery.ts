// Pushes claimed webhook deliveries to their endpoints, signed per Standard Webhooks, with
// the event id as `webhook-id` on every attempt so the receiver deduplicates. 2xx: sent.
// 410: the endpoint is disabled and its deliveries die. Anything else (another status, a
// timeout, a refused connection): retried on the schedule, honouring Retry-After, dead after
// the last attempt; the endpoint's other rows of the batch wait with it instead of each
// costing a timeout. Endpoints of one batch are served in parallel, and each endpoint takes a
// few deliveries at once (at least once, never in a promised order: receivers deduplicate).
import type { Logger } from "../logger";
import { parseRetryAfter } from "../reminders/backoff";
import type { Db } from "../store/db";
import { markDead, markFailed, markSent, postpone, renewLease } from "../store/outbox";
import { type ClaimedDelivery, claimWebhookDeliveries } from "./claims";
import { tellAdminsOfFailure } from "./failure-notice";
import { disableEndpointAudited } from "../integrations/changes";
import { findEndpointForDelivery, recordEndpointFailure, recordEndpointSuccess } from "./endpoints";
import { eventEnvelope, findEvents, type StoredEvent } from "./events";
import { MAX_WEBHOOK_ATTEMPTS, webhookRetryDelay } from "./retry-schedule";
import { signedHeaders } from "./signing";

export interface WebhookDeliveryDeps {
  db: Db;
  owner: string;
  clock: () => Date;
  logger?: Logger;
  random?: () => number;
  leaseMs?: number;
  timeoutMs?: number;
  maxEndpoints?: number;
  rowsPerEndpoint?: number;
  /** Stops the run between batches (shutdown). */
  stopping?: () => boolean;
}

export interface WebhookDeliveryReport {
  sent: number;
  failed: number;
  dead: number;
  lost: number;
}

const MAX_BATCHES_PER_RUN = 1_000;

export async function deliverDueWebhooks(deps: WebhookDeliveryDeps): Promise<WebhookDeliveryReport> {
  const report: WebhookDeliveryReport = { sent: 0, failed: 0, dead: 0, lost: 0 };
  for (let round = 0; round < MAX_BATCHES_PER_RUN && !deps.stopping?.(); round++) {
    const batch = await claimWebhookDeliveries(deps.db, {
      owner: deps.owner,
      now: deps.clock(),
      leaseMs: deps.leaseMs ?? 60_000,
      maxEndpoints: deps.maxEndpoints ?? 20,
      rowsPerEndpoint: deps.rowsPerEndpoint ?? 25,
      maxAttempts: MAX_WEBHOOK_ATTEMPTS,
    });
    if (batch.deliveries.length === 0) break;
    const byEndpoint = new Map<string, ClaimedDelivery[]>();
    for (const delivery of batch.deliveries) byEndpoint.set(delivery.endpointId, [...(byEndpoint.get(delivery.endpointId) ?? []), delivery]);
    await Promise.all([...byEndpoint.values()].map((rows) => deliverToEndpoint(deps, batch.token, rows, report)));
  }
  return report;
}

async function deliverToEndpoint(deps: WebhookDeliveryDeps, token: string, rows: ClaimedDelivery[], report: WebhookDeliveryReport): Promise<void> {
  const first = rows[0] as ClaimedDelivery;
  try {
    const endpoint = await findEndpointForDelivery(deps.db, first.endpointId);
    if (!endpoint || endpoint.disabledAt) {
      await markDead(
        deps.db,
        token,
        rows.map((row) => row.id),
        "endpoint_disabled",
      );
      report.dead += rows.length;
      return;
    }
    const events = await findEvents(
      deps.db,
      rows.map((row) => row.eventId),
    );
    let sent = false;
    // A few deliveries at a time, each group one lease extension and one "sent" write: posts to
    // one endpoint overlap, and the database sees two writes per group instead of two per event.
    for (let start = 0; start < rows.length; start += IN_FLIGHT_PER_ENDPOINT) {
      const group = rows.slice(start, start + IN_FLIGHT_PER_ENDPOINT);
      const outcome = await deliverGroup(deps, token, endpoint, group, events, report);
      sent ||= outcome.sent;
      if (!outcome.stop) continue;
      const rest = rows.slice(start + group.length).map((later) => later.id);
      if (outcome.stop.kind === "disabled") await markDead(deps.db, token, rest, "endpoint_disabled");
      else await postpone(deps.db, token, rest, outcome.stop.retryAt);
      if (outcome.stop.kind === "disabled") report.dead += rest.length;
      break;
    }
    // Once per batch, not per event: the endpoint answers again.
    if (sent) await recordEndpointSuccess(deps.db, endpoint.id, deps.clock());
  } catch (error) {
    // The database failed mid-way: leases run out and the rows are claimed again.
    deps.logger?.error({ err: error, organisationId: first.organisationId, endpointId: first.endpointId }, "webhook delivery failed for an endpoint");
  }
}

/** Deliveries to one endpoint that overlap: as many as a receiver is expected to take at once. */
const IN_FLIGHT_PER_ENDPOINT = 5;

type Stop = { kind: "wait"; retryAt: Date } | { kind: "disabled" };

/**
 * One group of an endpoint's rows: the lease extended for all of them, their posts in parallel,
 * the successes marked sent in one write. A failure is recorded per row and stops the
 * endpoint's later rows (they wait with it); a 410 disables the endpoint.
 */
async function deliverGroup(
  deps: WebhookDeliveryDeps,
  token: string,
  endpoint: { id: string; url: string; secret: string; organisationId: string },
  rows: readonly ClaimedDelivery[],
  events: ReadonlyMap<string, StoredEvent>,
  report: WebhookDeliveryReport,
): Promise<{ sent: boolean; stop?: Stop }> {
  const ids = rows.map((row) => row.id);
  if (!(await renewLease(deps.db, token, ids, deps.clock(), deps.leaseMs ?? 60_000))) {
    // Some lease ran out (this run was slow): whoever claimed those rows delivers them, and the
    // rest come back to a claim once their own lease ends.
    report.lost += rows.length;
    return { sent: false };
  }
  const missing = rows.filter((row) => !events.has(row.eventId));
  if (missing.length > 0) {
    await markDead(
      deps.db,
      token,
      missing.map((row) => row.id),
      "event_missing",
    );
    report.dead += missing.length;
  }
  const present = rows.filter((row) => events.has(row.eventId));
  const attempts = await Promise.all(
    present.map((row) => post(endpoint.url, endpoint.secret, row.eventId, JSON.stringify(eventEnvelope(events.get(row.eventId) as StoredEvent)), deps)),
  );
  const now = deps.clock();
  const succeeded = present.filter((_, index) => isSuccess(attempts[index] as Attempt));
  if (succeeded.length > 0) {
    await markSent(
      deps.db,
      token,
      succeeded.map((row) => row.id),
      now,
    );
    report.sent += succeeded.length;
  }
  let stop: Stop | undefined;
  for (const [index, row] of present.entries()) {
    const attempt = attempts[index] as Attempt;
    if (isSuccess(attempt)) continue;
    if (attempt.status === 410) {
      if (stop?.kind !== "disabled")
        await disableEndpointAudited(deps.db, {
          organisationId: endpoint.organisationId,
          id: endpoint.id,
          actor: { name: "webhook delivery" },
          now,
          reason: "the endpoint answered 410 Gone",
        });
      await markDead(deps.db, token, [row.id], "endpoint_gone");
      report.dead += 1;
      stop = { kind: "disabled" };
      continue;
    }
    const error = attempt.status !== undefined ? `HTTP ${attempt.status}` : attempt.error;
    const retryAt = new Date(now.getTime() + webhookRetryDelay(row.attempts, deps.random ?? Math.random, attempt.retryAfterMs));
    await markFailed(deps.db, token, [row.id], { error, retryAt, maxAttempts: MAX_WEBHOOK_ATTEMPTS });
    const tellSince = await recordEndpointFailure(deps.db, endpoint.id, error, now);
    if (tellSince) await tellAdminsOfFailure(deps.db, endpoint, tellSince, now);
    if (row.attempts >= MAX_WEBHOOK_ATTEMPTS) report.dead += 1;
    else report.failed += 1;
    if (stop?.kind !== "disabled") stop = { kind: "wait", retryAt: stop && stop.retryAt > retryAt ? stop.retryAt : retryAt };
  }
  return { sent: succeeded.length > 0, ...(stop ? { stop } : {}) };
}

const isSuccess = (attempt: Attempt) => attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300;

interface Attempt {
  status?: number;
  retryAfterMs?: number;
  error: string;
}

async function post(url: string, secret: string, id: string, body: string, deps: WebhookDeliveryDeps): Promise<Attempt> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "partner-ops-bot-webhooks", ...signedHeaders(secret, id, deps.clock(), body) },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
    });
    // The body is not read beyond closing it: a receiver's answer carries no meaning here.
    await response.body?.cancel();
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), deps.clock());
    return { status: response.status, error: `HTTP ${response.status}`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
