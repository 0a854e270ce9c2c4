// Pushes claimed webhook deliveries to their endpoints, signed per Standard Webhooks, with
// the event id as `webhook-id` on every attempt so the receiver deduplicates. 2xx: sent.
// 410: the endpoint is disabled and its deliveries die. Anything else (another status, a
// timeout, a refused connection): retried on the schedule, honouring Retry-After, dead after
// the last attempt; the endpoint's other rows of the batch wait with it instead of each
// costing a timeout. Endpoints of one batch are served in parallel.
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
    for (const [index, row] of rows.entries()) {
      const outcome = await deliverOne(deps, token, endpoint, row, events.get(row.eventId), report);
      sent ||= outcome.kind === "sent";
      if (outcome.kind === "sent" || outcome.kind === "continue") continue;
      const rest = rows.slice(index + 1).map((later) => later.id);
      if (outcome.kind === "disabled") await markDead(deps.db, token, rest, "endpoint_disabled");
      else await postpone(deps.db, token, rest, outcome.retryAt);
      if (outcome.kind === "disabled") report.dead += rest.length;
      return;
    }
    // Once per batch, not per event: the endpoint answers again.
    if (sent) await recordEndpointSuccess(deps.db, endpoint.id, deps.clock());
  } catch (error) {
    // The database failed mid-way: leases run out and the rows are claimed again.
    deps.logger?.error({ err: error, organisationId: first.organisationId, endpointId: first.endpointId }, "webhook delivery failed for an endpoint");
  }
}

type Outcome = { kind: "sent" } | { kind: "continue" } | { kind: "wait"; retryAt: Date } | { kind: "disabled" };

async function deliverOne(
  deps: WebhookDeliveryDeps,
  token: string,
  endpoint: { id: string; url: string; secret: string; organisationId: string },
  row: ClaimedDelivery,
  event: StoredEvent | undefined,
  report: WebhookDeliveryReport,
): Promise<Outcome> {
  const leaseMs = deps.leaseMs ?? 60_000;
  if (!(await renewLease(deps.db, token, [row.id], deps.clock(), leaseMs))) {
    report.lost += 1;
    return { kind: "continue" };
  }
  if (!event) {
    await markDead(deps.db, token, [row.id], "event_missing");
    report.dead += 1;
    return { kind: "continue" };
  }
  const body = JSON.stringify(eventEnvelope(event));
  const attempt = await post(endpoint.url, endpoint.secret, event.id, body, deps);
  const now = deps.clock();
  if (attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300) {
    await markSent(deps.db, token, [row.id], now);
    report.sent += 1;
    return { kind: "sent" };
  }
  if (attempt.status === 410) {
    await disableEndpointAudited(deps.db, {
      organisationId: endpoint.organisationId,
      id: endpoint.id,
      actor: { name: "webhook delivery" },
      now,
      reason: "the endpoint answered 410 Gone",
    });
    await markDead(deps.db, token, [row.id], "endpoint_gone");
    report.dead += 1;
    return { kind: "disabled" };
  }
  const error = attempt.status !== undefined ? `HTTP ${attempt.status}` : attempt.error;
  const retryAt = new Date(now.getTime() + webhookRetryDelay(row.attempts, deps.random ?? Math.random, attempt.retryAfterMs));
  await markFailed(deps.db, token, [row.id], { error, retryAt, maxAttempts: MAX_WEBHOOK_ATTEMPTS });
  const tellSince = await recordEndpointFailure(deps.db, endpoint.id, error, now);
  if (tellSince) await tellAdminsOfFailure(deps.db, endpoint, tellSince, now);
  if (row.attempts >= MAX_WEBHOOK_ATTEMPTS) report.dead += 1;
  else report.failed += 1;
  return { kind: "wait", retryAt };
}

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
