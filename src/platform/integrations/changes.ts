// The organisation's integration settings changed with their audit history: API keys made and
// revoked, webhook endpoints registered and disabled, whether from Teams, the API or the command
// line. Each change and its audit entry are one transaction; a secret never enters the history.
import { appendAudit } from "../store/audit";
import { type ApiKeyInfo, type ApiKeyScope, createApiKey, revokeApiKey } from "../store/api-keys";
import type { Db } from "../store/db";
import { disableWebhookEndpoint, type EndpointRefusal, registerWebhookEndpoint, type NewEndpoint, type WebhookEndpoint } from "../events/endpoints";

export const API_KEY_RECORD_KIND = "apiKey";
export const WEBHOOK_ENDPOINT_RECORD_KIND = "webhookEndpoint";

/** Who made the change: a person in Teams (Entra object id and name), or a key or the command line by name. */
export interface IntegrationActor {
  id?: string;
  name: string;
}

const actorFields = (actor: IntegrationActor) => ({ ...(actor.id ? { actorId: actor.id } : {}), actorName: actor.name });

export async function createApiKeyAudited(
  db: Db,
  input: { organisationId: string; name: string; scope: ApiKeyScope; actor: IntegrationActor; now: Date },
): Promise<{ key: string; info: ApiKeyInfo }> {
  return db.$transaction(async (tx) => {
    const created = await createApiKey(tx, { organisationId: input.organisationId, name: input.name, scope: input.scope });
    await appendAudit(tx, {
      organisationId: input.organisationId,
      recordKind: API_KEY_RECORD_KIND,
      recordId: created.info.id,
      recordVersion: 1,
      at: input.now,
      action: "api_key_created",
      ...actorFields(input.actor),
      after: { name: created.info.name, prefix: created.info.prefix, scope: created.info.scope },
    });
    return created;
  });
}

/** False when the organisation has no live key with this id (unknown, another's, or revoked already). */
export async function revokeApiKeyAudited(
  db: Db,
  input: { organisationId: string; id: string; actor: IntegrationActor; now: Date; reason?: string },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (!(await revokeApiKey(tx, input.organisationId, input.id, input.now))) return false;
    await appendAudit(tx, {
      organisationId: input.organisationId,
      recordKind: API_KEY_RECORD_KIND,
      recordId: input.id,
      recordVersion: 2,
      at: input.now,
      action: "api_key_revoked",
      ...actorFields(input.actor),
      ...(input.reason ? { reason: input.reason } : {}),
    });
    return true;
  });
}

export async function registerEndpointAudited(
  db: Db,
  input: NewEndpoint & { actor: IntegrationActor; now: Date },
  rules: { knownTypes: readonly string[]; production: boolean },
): Promise<{ ok: true; endpoint: WebhookEndpoint; secret: string } | { ok: false; refusal: EndpointRefusal }> {
  return db.$transaction(async (tx) => {
    const { actor, now, ...endpoint } = input;
    const registered = await registerWebhookEndpoint(tx, endpoint, rules);
    if (!registered.ok) return registered;
    await appendAudit(tx, {
      organisationId: input.organisationId,
      recordKind: WEBHOOK_ENDPOINT_RECORD_KIND,
      recordId: registered.endpoint.id,
      recordVersion: 1,
      at: now,
      action: "webhook_endpoint_registered",
      ...actorFields(actor),
      after: { url: registered.endpoint.url, eventTypes: registered.endpoint.eventTypes },
    });
    return registered;
  });
}

/** False when the organisation has no enabled endpoint with this id. */
export async function disableEndpointAudited(
  db: Db,
  input: { organisationId: string; id: string; actor: IntegrationActor; now: Date; reason: string },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (!(await disableWebhookEndpoint(tx, input.organisationId, input.id, input.reason, input.now))) return false;
    await appendAudit(tx, {
      organisationId: input.organisationId,
      recordKind: WEBHOOK_ENDPOINT_RECORD_KIND,
      recordId: input.id,
      recordVersion: 2,
      at: input.now,
      action: "webhook_endpoint_disabled",
      ...actorFields(input.actor),
      reason: input.reason,
    });
    return true;
  });
}
