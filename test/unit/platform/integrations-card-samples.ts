// Representative renderings of the vendor integration's cards for the card template test: an
// organisation with many keys and endpoints in every state and every field in error, an empty
// one outside a personal chat, the secret shown once, and both confirmations.
import type { WebhookEndpoint } from "../../../src/platform/events/endpoints";
import { confirmCard, integrationsCard, secretCard } from "../../../src/platform/integrations/views";
import type { ApiKeyInfo } from "../../../src/platform/store/api-keys";
import type { CardSamples } from "../cards/samples";

const key = (i: number): ApiKeyInfo => ({
  id: `key-${i}`,
  organisationId: "org-1",
  name: `Power Automate flow for the distributor's monthly usage reconciliation ${i}`,
  prefix: "pob_AbCdEfGh",
  scope: i % 2 === 0 ? "write" : "read",
  createdAt: new Date("2026-11-02T09:00:00Z"),
  ...(i % 3 === 0 ? {} : { lastUsedAt: new Date("2026-11-30T17:45:00Z") }),
});

const eventTypes = Array.from({ length: 30 }, (_, i) => `workflow${i}.record.state_changed`);

const endpoint = (i: number): WebhookEndpoint => ({
  id: `endpoint-${i}`,
  organisationId: "org-1",
  url: `https://prod-${i}.westeurope.logic.azure.com/workflows/0123456789abcdef0123456789abcdef/triggers/manual/paths/invoke`,
  eventTypes: eventTypes.slice(0, 10 + i),
  ...(i % 3 === 0 ? { lastSuccessAt: new Date("2026-12-01T10:02:00Z") } : {}),
  ...(i % 3 === 1 ? { failingSince: new Date("2026-12-01T09:40:00Z"), lastError: "HTTP 503" } : {}),
  ...(i % 3 === 2 ? { disabledAt: new Date("2026-11-29T08:00:00Z"), disabledReason: "the endpoint answered 410 Gone" } : {}),
});

export const integrationsCardSamples: CardSamples = {
  integrations: (t) => [
    integrationsCard(t, {
      keys: Array.from({ length: 20 }, (_, i) => key(i)),
      revokedKeys: 7,
      endpoints: Array.from({ length: 10 }, (_, i) => endpoint(i)),
      eventTypes,
      keyForm: { name: " ", scope: "read" },
      endpointForm: { url: "ftp://example.com", eventTypes: "", description: "Sync job" },
      errors: {
        name: t.t("integrations.error.nameRequired"),
        url: t.t("integrations.error.url_not_https"),
        eventTypes: t.t("integrations.error.event_types_required"),
      },
      notice: { text: t.t("integrations.notice.keyRevoked", { name: "Old flow" }), style: "good" },
      canCreate: true,
    }),
    integrationsCard(t, { keys: [], revokedKeys: 0, endpoints: [], eventTypes, canCreate: false }),
  ],
  "integrations-secret": (t) => [
    secretCard(t, { kind: "key", name: "Power Automate flow", secret: `pob_${"x".repeat(32)}` }),
    secretCard(t, { kind: "endpoint", url: "https://integration.example.com/hooks/partner-ops", secret: `whsec_${"y".repeat(44)}` }),
  ],
  "integrations-confirm": (t) => [
    confirmCard(t, { kind: "key", id: "key-1", name: "Power Automate flow" }),
    confirmCard(t, { kind: "endpoint", id: "endpoint-1", url: "https://integration.example.com/hooks/partner-ops" }),
  ],
};
