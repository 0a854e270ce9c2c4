// The vendor integration's cards, for an organisation's admins: the API keys and webhook
// endpoints with their health, the forms to make them, the secret shown once, and the
// confirmation before a key is revoked or an endpoint disabled. Words come from the catalogs
// (messages/<locale>/integrations.json); the templates are cards/integrations*.json.
import { type AdaptiveCard, renderCard } from "../cards/render";
import type { WebhookEndpoint } from "../events/endpoints";
import type { Translator } from "../i18n/translator";
import type { ApiKeyInfo, ApiKeyScope } from "../store/api-keys";

export interface Notice {
  text: string;
  style: "good" | "attention" | "accent";
}

export interface KeyForm {
  name: string;
  scope: ApiKeyScope;
}

export interface EndpointForm {
  url: string;
  eventTypes: string;
  description: string;
}

export interface IntegrationsView {
  keys: readonly ApiKeyInfo[];
  revokedKeys: number;
  endpoints: readonly WebhookEndpoint[];
  eventTypes: readonly string[];
  keyForm?: KeyForm;
  endpointForm?: EndpointForm;
  errors?: Partial<Record<"name" | "url" | "eventTypes", string>>;
  notice?: Notice;
  /** Keys and endpoints are made in a personal chat only, where the secret reaches its maker alone. */
  canCreate: boolean;
}

const noticeValues = (notice?: Notice) => ({ notice: notice?.text ?? "", noticeStyle: notice?.style ?? "default" });

function keyLine(t: Translator, key: ApiKeyInfo): string {
  const made = t.t("integrations.key.line", { prefix: key.prefix, scope: key.scope, created: t.formatDate(key.createdAt) });
  const used = key.lastUsedAt ? t.t("integrations.key.used", { at: t.formatDateTime(key.lastUsedAt) }) : t.t("integrations.key.neverUsed");
  return `${made} · ${used}`;
}

function endpointLine(t: Translator, endpoint: WebhookEndpoint): { line: string; color: string } {
  if (endpoint.disabledAt)
    return {
      line: t.t("integrations.endpoint.disabled", { at: t.formatDateTime(endpoint.disabledAt), reason: endpoint.disabledReason ?? "" }),
      color: "Default",
    };
  if (endpoint.failingSince)
    return {
      line: t.t("integrations.endpoint.failing", { since: t.formatDateTime(endpoint.failingSince), error: endpoint.lastError ?? "" }),
      color: "Attention",
    };
  return {
    line: endpoint.lastSuccessAt
      ? t.t("integrations.endpoint.healthy", { at: t.formatDateTime(endpoint.lastSuccessAt) })
      : t.t("integrations.endpoint.waiting"),
    color: "Good",
  };
}

export function integrationsCard(t: Translator, view: IntegrationsView): AdaptiveCard {
  const keyForm = view.keyForm ?? { name: "", scope: "write" };
  const endpointForm = view.endpointForm ?? { url: "", eventTypes: view.eventTypes.join(","), description: "" };
  return renderCard("integrations", {
    title: t.t("integrations.title"),
    intro: t.t("integrations.intro"),
    ...noticeValues(view.notice),
    keysTitle: t.t("integrations.keys.title"),
    keysEmpty: view.keys.length === 0 ? t.t("integrations.keys.none") : "",
    revokedLine: view.revokedKeys > 0 ? t.t("integrations.keys.revoked", { count: view.revokedKeys }) : "",
    keys: view.keys.map((key) => ({ id: key.id, name: key.name, line: keyLine(t, key) })),
    endpointsTitle: t.t("integrations.endpoints.title"),
    endpointsEmpty: view.endpoints.length === 0 ? t.t("integrations.endpoints.none") : "",
    endpoints: view.endpoints.map((endpoint) => {
      const health = endpointLine(t, endpoint);
      return {
        id: endpoint.id,
        url: endpoint.url,
        line: health.line,
        color: health.color,
        typesLine: t.t("integrations.endpoint.types", { count: endpoint.eventTypes.length, total: view.eventTypes.length }),
        canDisable: !endpoint.disabledAt,
      };
    }),
    canCreate: view.canCreate,
    createElsewhere: view.canCreate ? "" : t.t("integrations.personalOnly"),
    keyForm,
    endpointForm,
    scopes: (["read", "write"] as const).map((scope) => ({ value: scope, title: t.t(`integrations.scope.${scope}`) })),
    eventTypes: view.eventTypes.map((type) => ({ value: type, title: type })),
    errors: { name: view.errors?.name ?? "", url: view.errors?.url ?? "", eventTypes: view.errors?.eventTypes ?? "" },
    text: {
      revoke: t.t("integrations.key.revoke"),
      disable: t.t("integrations.endpoint.disable"),
      newKey: t.t("integrations.keys.new"),
      nameLabel: t.t("integrations.keys.nameLabel"),
      namePlaceholder: t.t("integrations.keys.namePlaceholder"),
      scopeLabel: t.t("integrations.keys.scopeLabel"),
      create: t.t("integrations.keys.create"),
      newEndpoint: t.t("integrations.endpoints.new"),
      urlLabel: t.t("integrations.endpoints.urlLabel"),
      typesLabel: t.t("integrations.endpoints.typesLabel"),
      descriptionLabel: t.t("integrations.endpoints.descriptionLabel"),
      register: t.t("integrations.endpoints.register"),
      contract: t.t("integrations.contract"),
    },
  });
}

/** The key or signing secret, shown this once. */
export function secretCard(
  t: Translator,
  shown: { kind: "key"; name: string; secret: string } | { kind: "endpoint"; url: string; secret: string },
): AdaptiveCard {
  return renderCard("integrations-secret", {
    title: shown.kind === "key" ? t.t("integrations.secret.keyTitle", { name: shown.name }) : t.t("integrations.secret.endpointTitle", { url: shown.url }),
    secret: shown.secret,
    once: t.t("integrations.secret.once"),
    how: shown.kind === "key" ? t.t("integrations.secret.keyHow") : t.t("integrations.secret.endpointHow"),
    text: { back: t.t("integrations.back") },
  });
}

/** Are you sure: revoking a key or disabling an endpoint stops the integration that uses it at once. */
export function confirmCard(t: Translator, what: { kind: "key"; id: string; name: string } | { kind: "endpoint"; id: string; url: string }): AdaptiveCard {
  return renderCard("integrations-confirm", {
    question: what.kind === "key" ? t.t("integrations.confirm.revokeKey", { name: what.name }) : t.t("integrations.confirm.disableEndpoint", { url: what.url }),
    consequence: what.kind === "key" ? t.t("integrations.confirm.revokeKeyConsequence") : t.t("integrations.confirm.disableEndpointConsequence"),
    verb: what.kind === "key" ? "integrations.revokeKey" : "integrations.disableEndpoint",
    id: what.id,
    text: {
      confirm: what.kind === "key" ? t.t("integrations.key.revoke") : t.t("integrations.endpoint.disable"),
      cancel: t.t("integrations.back"),
    },
  });
}
