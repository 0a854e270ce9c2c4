// An organisation's webhook endpoints: registered by its admin with the event types it wants,
// each with its own signing secret (shown once, at registration). HTTPS is required in
// production; outside it a local receiver on http://127.0.0.1 or localhost is allowed.
import type { DbTx } from "../store/db";
import { newWebhookSecret } from "./signing";

export interface WebhookEndpoint {
  id: string;
  organisationId: string;
  url: string;
  eventTypes: string[];
  description?: string;
  lastSuccessAt?: Date;
  failingSince?: Date;
  failureNoticeAt?: Date;
  lastError?: string;
  disabledAt?: Date;
  disabledReason?: string;
}

export type EndpointRefusal = "url_invalid" | "url_not_https" | "event_type_unknown" | "event_types_required";

export function checkEndpointUrl(url: string, production: boolean): EndpointRefusal | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "url_invalid";
  }
  if (parsed.username || parsed.password || parsed.hash) return "url_invalid";
  if (parsed.protocol === "https:") return undefined;
  const local = parsed.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname);
  return local && !production ? undefined : "url_not_https";
}

export interface NewEndpoint {
  organisationId: string;
  url: string;
  eventTypes: readonly string[];
  description?: string;
}

/** Stores the endpoint and answers it with its secret, which is never shown again. */
export async function registerWebhookEndpoint(
  db: DbTx,
  input: NewEndpoint,
  rules: { knownTypes: readonly string[]; production: boolean },
): Promise<{ ok: true; endpoint: WebhookEndpoint; secret: string } | { ok: false; refusal: EndpointRefusal }> {
  const urlRefusal = checkEndpointUrl(input.url, rules.production);
  if (urlRefusal) return { ok: false, refusal: urlRefusal };
  if (input.eventTypes.length === 0) return { ok: false, refusal: "event_types_required" };
  if (input.eventTypes.some((type) => !rules.knownTypes.includes(type))) return { ok: false, refusal: "event_type_unknown" };
  const secret = newWebhookSecret();
  const row = await db.webhookEndpoint.create({
    data: {
      organisationId: input.organisationId,
      url: input.url,
      secret,
      eventTypes: [...new Set(input.eventTypes)].join(","),
      description: input.description ?? null,
    },
  });
  return { ok: true, endpoint: toEndpoint(row), secret };
}

export async function listWebhookEndpoints(db: DbTx, organisationId: string): Promise<WebhookEndpoint[]> {
  const rows = await db.webhookEndpoint.findMany({ where: { organisationId }, orderBy: { createdAt: "asc" } });
  return rows.map(toEndpoint);
}

/** The enabled endpoints of the organisation that asked for this event type. */
export async function endpointsWanting(db: DbTx, organisationId: string, type: string): Promise<WebhookEndpoint[]> {
  const rows = await db.webhookEndpoint.findMany({ where: { organisationId, disabledAt: null } });
  return rows.map(toEndpoint).filter((endpoint) => endpoint.eventTypes.includes(type));
}

/** The endpoint with its secret, for signing; undefined when it is gone. */
export async function findEndpointForDelivery(db: DbTx, id: string): Promise<(WebhookEndpoint & { secret: string }) | undefined> {
  const row = await db.webhookEndpoint.findUnique({ where: { id } });
  return row ? { ...toEndpoint(row), secret: row.secret } : undefined;
}

export async function disableWebhookEndpoint(db: DbTx, organisationId: string, id: string, reason: string, now: Date): Promise<boolean> {
  const { count } = await db.webhookEndpoint.updateMany({ where: { id, organisationId, disabledAt: null }, data: { disabledAt: now, disabledReason: reason } });
  return count === 1;
}

export async function recordEndpointSuccess(db: DbTx, id: string, now: Date): Promise<void> {
  await db.webhookEndpoint.update({ where: { id }, data: { lastSuccessAt: now, failingSince: null, failureNoticeAt: null, lastError: null } });
}

/** A failure lasting this long is no passing blip: the organisation's admins are told. */
export const FAILING_NOTICE_AFTER_MS = 10 * 60_000;

/**
 * Sets `failingSince` on the first failure after a success (later failures keep it). Answers
 * the failing period's start when this call is the one that must tell the admins: once per
 * period, claimed by a conditional update so two instances never both tell.
 */
export async function recordEndpointFailure(db: DbTx, id: string, error: string, now: Date): Promise<Date | undefined> {
  await db.webhookEndpoint.updateMany({ where: { id, failingSince: null }, data: { failingSince: now } });
  const endpoint = await db.webhookEndpoint.update({ where: { id }, data: { lastError: error.slice(0, 500) } });
  const since = endpoint.failingSince;
  if (!since || endpoint.failureNoticeAt || now.getTime() - since.getTime() < FAILING_NOTICE_AFTER_MS) return undefined;
  const { count } = await db.webhookEndpoint.updateMany({ where: { id, failureNoticeAt: null }, data: { failureNoticeAt: now } });
  return count === 1 ? since : undefined;
}

type Row = Awaited<ReturnType<DbTx["webhookEndpoint"]["findFirstOrThrow"]>>;

function toEndpoint(row: Row): WebhookEndpoint {
  return {
    id: row.id,
    organisationId: row.organisationId,
    url: row.url,
    eventTypes: row.eventTypes.split(",").filter((type) => type !== ""),
    ...(row.description ? { description: row.description } : {}),
    ...(row.lastSuccessAt ? { lastSuccessAt: row.lastSuccessAt } : {}),
    ...(row.failingSince ? { failingSince: row.failingSince } : {}),
    ...(row.failureNoticeAt ? { failureNoticeAt: row.failureNoticeAt } : {}),
    ...(row.lastError ? { lastError: row.lastError } : {}),
    ...(row.disabledAt ? { disabledAt: row.disabledAt } : {}),
    ...(row.disabledReason ? { disabledReason: row.disabledReason } : {}),
  };
}
