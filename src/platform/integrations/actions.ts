// Card actions on the organisation's vendor integration, for its admins: the keys and
// endpoints, making a key or registering an endpoint (in a personal chat, where the secret
// reaches its maker alone), revoking a key or disabling an endpoint after a confirmation.
// Card data names records only: the clicker's role is re-read on every click, and every
// record is looked up within the clicker's organisation.
import { z } from "zod";
import { type ActionOutcome, type ActionScope, defineAction } from "../bot/actions/types";
import type { TurnScope } from "../bot/turn-scope";
import { eventTypesOf } from "../events/define-event";
import { listWebhookEndpoints } from "../events/endpoints";
import { API_KEY_SCOPES, listApiKeys } from "../store/api-keys";
import { createApiKeyAudited, disableEndpointAudited, registerEndpointAudited, revokeApiKeyAudited } from "./changes";
import { confirmCard, type EndpointForm, integrationsCard, type IntegrationsView, type KeyForm, type Notice, secretCard } from "./views";

const ZKeyFormSchema = z.object({
  name: z.string().max(10_000).optional().default(""),
  scope: z.enum(API_KEY_SCOPES).catch("write").default("write"),
});
const ZEndpointFormSchema = z.object({
  url: z.string().max(10_000).optional().default(""),
  eventTypes: z.string().max(100_000).optional().default(""),
  description: z.string().max(10_000).optional().default(""),
});
const ZKeyIdSchema = z.object({ keyId: z.string().min(1).max(64) });
const ZEndpointIdSchema = z.object({ endpointId: z.string().min(1).max(64) });
const ZConfirmedSchema = z.object({ id: z.string().min(1).max(64) });

const KEY_NAME_MAX = 100;
const DESCRIPTION_MAX = 200;
const URL_MAX = 2000;

const good = (text: string): Notice => ({ text, style: "good" });
const attention = (text: string): Notice => ({ text, style: "attention" });

type Extra = Partial<Pick<IntegrationsView, "keyForm" | "endpointForm" | "errors" | "notice">>;

/** The admin's view of keys and endpoints; anyone else is told who manages it. */
export async function integrationsOverview(scope: TurnScope, extra: Extra = {}): Promise<ActionOutcome> {
  if (scope.actor.role !== "admin") return { message: scope.t.t("integrations.adminsOnly") };
  const { db, tables } = scope.services;
  const [keys, endpoints] = await Promise.all([listApiKeys(db, scope.organisation.id), listWebhookEndpoints(db, scope.organisation.id)]);
  const live = keys.filter((key) => !key.revokedAt);
  return {
    card: integrationsCard(scope.t, {
      keys: live,
      revokedKeys: keys.length - live.length,
      endpoints,
      eventTypes: eventTypesOf(tables.events),
      canCreate: scope.conversationType === "personal",
      ...extra,
    }),
  };
}

const actor = (scope: TurnScope) => ({ id: scope.actor.aadObjectId, name: scope.actor.name });

async function createKey(scope: ActionScope, form: z.infer<typeof ZKeyFormSchema>): Promise<ActionOutcome> {
  if (scope.actor.role !== "admin") return integrationsOverview(scope);
  // The form is offered in a personal chat only; the overview elsewhere says where to go.
  if (scope.conversationType !== "personal") return integrationsOverview(scope);
  const name = form.name.trim();
  const keyForm: KeyForm = { name: form.name, scope: form.scope };
  if (name === "") return integrationsOverview(scope, { keyForm, errors: { name: scope.t.t("integrations.error.nameRequired") } });
  if (name.length > KEY_NAME_MAX)
    return integrationsOverview(scope, { keyForm, errors: { name: scope.t.t("integrations.error.tooLong", { max: KEY_NAME_MAX }) } });
  const { key, info } = await createApiKeyAudited(scope.services.db, {
    organisationId: scope.organisation.id,
    name,
    scope: form.scope,
    actor: actor(scope),
    now: scope.now,
  });
  return { card: secretCard(scope.t, { kind: "key", name: info.name, secret: key }) };
}

/** The event types the form sent: Adaptive Cards send a multi-select as comma-separated values. */
const typesOf = (value: string) => [
  ...new Set(
    value
      .split(",")
      .map((type) => type.trim())
      .filter((type) => type !== ""),
  ),
];

async function registerEndpoint(scope: ActionScope, form: z.infer<typeof ZEndpointFormSchema>): Promise<ActionOutcome> {
  if (scope.actor.role !== "admin") return integrationsOverview(scope);
  // The form is offered in a personal chat only; the overview elsewhere says where to go.
  if (scope.conversationType !== "personal") return integrationsOverview(scope);
  const endpointForm: EndpointForm = form;
  const url = form.url.trim();
  const description = form.description.trim();
  const errors: NonNullable<IntegrationsView["errors"]> = {};
  if (url === "") errors.url = scope.t.t("integrations.error.url_invalid");
  else if (url.length > URL_MAX) errors.url = scope.t.t("integrations.error.tooLong", { max: URL_MAX });
  if (description.length > DESCRIPTION_MAX) errors.url ??= scope.t.t("integrations.error.descriptionTooLong", { max: DESCRIPTION_MAX });
  if (Object.keys(errors).length > 0) return integrationsOverview(scope, { endpointForm, errors });
  const registered = await registerEndpointAudited(
    scope.services.db,
    {
      organisationId: scope.organisation.id,
      url,
      eventTypes: typesOf(form.eventTypes),
      ...(description ? { description } : {}),
      actor: actor(scope),
      now: scope.now,
    },
    { knownTypes: eventTypesOf(scope.services.tables.events), production: scope.services.config.NODE_ENV === "production" },
  );
  if (!registered.ok) {
    const field = registered.refusal.startsWith("event_type") ? "eventTypes" : "url";
    return integrationsOverview(scope, { endpointForm, errors: { [field]: scope.t.t(`integrations.error.${registered.refusal}`) } });
  }
  return { card: secretCard(scope.t, { kind: "endpoint", url: registered.endpoint.url, secret: registered.secret }) };
}

async function confirmRevoke(scope: ActionScope, { keyId }: z.infer<typeof ZKeyIdSchema>): Promise<ActionOutcome> {
  if (scope.actor.role !== "admin") return integrationsOverview(scope);
  const key = (await listApiKeys(scope.services.db, scope.organisation.id)).find((candidate) => candidate.id === keyId && !candidate.revokedAt);
  if (!key) return integrationsOverview(scope, { notice: attention(scope.t.t("integrations.notice.keyGone")) });
  return { card: confirmCard(scope.t, { kind: "key", id: key.id, name: key.name }) };
}

async function revokeKey(scope: ActionScope, { id }: z.infer<typeof ZConfirmedSchema>): Promise<ActionOutcome> {
  if (scope.actor.role !== "admin") return integrationsOverview(scope);
  const keys = await listApiKeys(scope.services.db, scope.organisation.id);
  const key = keys.find((candidate) => candidate.id === id);
  const revoked = key && (await revokeApiKeyAudited(scope.services.db, { organisationId: scope.organisation.id, id, actor: actor(scope), now: scope.now }));
  if (!key || !revoked) return integrationsOverview(scope, { notice: attention(scope.t.t("integrations.notice.keyGone")) });
  return integrationsOverview(scope, { notice: good(scope.t.t("integrations.notice.keyRevoked", { name: key.name })) });
}

async function confirmDisable(scope: ActionScope, { endpointId }: z.infer<typeof ZEndpointIdSchema>): Promise<ActionOutcome> {
  if (scope.actor.role !== "admin") return integrationsOverview(scope);
  const endpoint = (await listWebhookEndpoints(scope.services.db, scope.organisation.id)).find(
    (candidate) => candidate.id === endpointId && !candidate.disabledAt,
  );
  if (!endpoint) return integrationsOverview(scope, { notice: attention(scope.t.t("integrations.notice.endpointGone")) });
  return { card: confirmCard(scope.t, { kind: "endpoint", id: endpoint.id, url: endpoint.url }) };
}

async function disableEndpoint(scope: ActionScope, { id }: z.infer<typeof ZConfirmedSchema>): Promise<ActionOutcome> {
  if (scope.actor.role !== "admin") return integrationsOverview(scope);
  const endpoint = (await listWebhookEndpoints(scope.services.db, scope.organisation.id)).find((candidate) => candidate.id === id);
  const disabled =
    endpoint &&
    (await disableEndpointAudited(scope.services.db, {
      organisationId: scope.organisation.id,
      id,
      actor: actor(scope),
      now: scope.now,
      reason: scope.t.t("integrations.disabledInTeams", { name: scope.actor.name }),
    }));
  if (!endpoint || !disabled) return integrationsOverview(scope, { notice: attention(scope.t.t("integrations.notice.endpointGone")) });
  return integrationsOverview(scope, { notice: good(scope.t.t("integrations.notice.endpointDisabled", { url: endpoint.url })) });
}

export const integrationActions = {
  "integrations.open": defineAction(z.object({}), false, (scope) => integrationsOverview(scope)),
  "integrations.createKey": defineAction(ZKeyFormSchema, true, createKey),
  "integrations.registerEndpoint": defineAction(ZEndpointFormSchema, true, registerEndpoint),
  "integrations.confirmRevoke": defineAction(ZKeyIdSchema, false, confirmRevoke),
  "integrations.revokeKey": defineAction(ZConfirmedSchema, true, revokeKey),
  "integrations.confirmDisable": defineAction(ZEndpointIdSchema, false, confirmDisable),
  "integrations.disableEndpoint": defineAction(ZConfirmedSchema, true, disableEndpoint),
};
